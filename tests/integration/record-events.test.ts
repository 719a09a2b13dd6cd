import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { learningEvents, memberships, moduleProgress, userSessions, users } from "@/db/schema";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { AppError } from "@/lib/errors";
import { getModuleProgress } from "@/lib/progress/queries";
import { endSession } from "@/lib/auth/end-sessions";
import { sessionWindow } from "@/lib/auth/session-policy";
import { startSession } from "@/lib/auth/start-session";
import { type Learner, recordEvents, recordSessionEvents } from "@/lib/progress/record-events";
import { markSecondFactorPassed } from "@/lib/auth/second-factor/session-marks";
import { cleanPass, quizSubmitted, scenarioAnswered, stepViewed } from "../support/events";
import { type TestDb, createTestDb } from "../support/db";

const catalogue = loadCatalogue("tests/fixtures/courses");
const start = new Date("2026-11-02T08:00:00Z");
const now = new Date("2026-11-02T12:00:00Z");
let testDb: TestDb;
let organisationId: string;

beforeAll(async () => {
  testDb = await createTestDb();
  organisationId = (await createOrganisation(testDb.db)).id;
});

afterAll(async () => {
  await testDb?.close();
});

async function newLearner(): Promise<Learner> {
  const user = await createUser(testDb.db, { organisationId });

  return { userId: user.id, organisationId };
}

const record = (learner: Learner, events: ReturnType<typeof cleanPass>) =>
  recordEvents(testDb.db, { learner, events, catalogue, now });

async function eventCount(userId: string): Promise<number> {
  const [row] = await testDb.db.select({ n: count() }).from(learningEvents).where(eq(learningEvents.userId, userId));

  return row!.n;
}

describe("recordEvents", () => {
  it("completes a module after the quiz is passed and the last step reached", async () => {
    const learner = await newLearner();
    await record(learner, cleanPass(learner.userId, start));

    const progress = await getModuleProgress(testDb.db, learner.userId, "demo-module");
    expect(progress).toMatchObject({
      furthestStepIndex: 3,
      lastStepId: "a-retenir",
      bestScore: 100,
      completedVersion: 1,
      timeSpentSeconds: 70,
      organisationId,
    });
    // Dates are when the server received the events (`now`), not what the browser says.
    expect(progress?.quizPassedAt).toEqual(now);
    expect(progress?.completedAt).toEqual(now);
    expect(progress?.startedAt).toEqual(now);
  });

  it("records an event once when the same event is sent twice", async () => {
    const learner = await newLearner();
    const event = stepViewed({ learnerId: learner.userId, at: start, activeSeconds: 30 }, "lecon");

    const first = await record(learner, [event]);
    const second = await record(learner, [event, event]);

    expect(first.outcomes[0]?.status).toBe("recorded");
    expect(second.outcomes.map((o) => o.status)).toEqual(["duplicate", "duplicate"]);
    expect(await eventCount(learner.userId)).toBe(1);
    expect((await getModuleProgress(testDb.db, learner.userId, "demo-module"))?.timeSpentSeconds).toBe(30);
  });

  it("gives a retried quiz submission the grading it had the first time", async () => {
    const learner = await newLearner();
    const event = quizSubmitted({ learnerId: learner.userId, at: start }, "quiz", { simple: ["a"], plusieurs: ["a"] });

    const first = await record(learner, [event]);
    const retry = await record(learner, [event]);

    expect(first.outcomes[0]?.quizResult).toMatchObject({ score: 50, passed: true, correctCount: 1, total: 2 });
    expect(retry.outcomes[0]).toMatchObject({ status: "duplicate", quizResult: first.outcomes[0]?.quizResult });
  });

  it("keeps the best score and the first pass when a later attempt is worse", async () => {
    const learner = await newLearner();
    const at = (minute: number) => ({ learnerId: learner.userId, at: new Date(start.getTime() + minute * 60_000) });
    await record(learner, [quizSubmitted(at(1), "quiz", { simple: ["a"], plusieurs: ["a", "b"] })]);
    await record(learner, [quizSubmitted(at(2), "quiz", { simple: ["b"], plusieurs: ["c"] })]);

    const progress = await getModuleProgress(testDb.db, learner.userId, "demo-module");
    expect(progress?.bestScore).toBe(100);
    expect(progress?.quizPassedAt).toEqual(now);
  });

  it("does not complete a module whose quiz was failed", async () => {
    const learner = await newLearner();
    const at = (minute: number) => ({ learnerId: learner.userId, at: new Date(start.getTime() + minute * 60_000) });
    await record(learner, [
      quizSubmitted(at(1), "quiz", { simple: ["b"], plusieurs: ["a"] }),
      stepViewed(at(2), "a-retenir"),
    ]);

    const progress = await getModuleProgress(testDb.db, learner.userId, "demo-module");
    expect(progress?.bestScore).toBe(0);
    expect(progress?.completedAt).toBeNull();
    expect(progress?.reachedEndAt).not.toBeNull();
  });

  it("moves the resume point to the latest step even when an older event arrives last", async () => {
    const learner = await newLearner();
    const at = (minute: number) => ({ learnerId: learner.userId, at: new Date(start.getTime() + minute * 60_000) });
    await record(learner, [stepViewed(at(5), "situation")]);
    await record(learner, [stepViewed(at(1), "lecon")]);

    const progress = await getModuleProgress(testDb.db, learner.userId, "demo-module");
    expect(progress).toMatchObject({ lastStepId: "situation", furthestStepIndex: 1 });
  });

  it("takes an event dated in the future as happening now", async () => {
    const learner = await newLearner();
    await record(learner, [stepViewed({ learnerId: learner.userId, at: new Date("2030-01-01T00:00:00Z") }, "lecon")]);

    expect((await getModuleProgress(testDb.db, learner.userId, "demo-module"))?.lastActivityAt).toEqual(now);
  });
});

describe("recordEvents on the server's clock", () => {
  it("dates a completion, and so its certificate, when the server received it, whatever date the browser claims", async () => {
    const learner = await newLearner();
    const claimed = new Date(now.getTime() - 80 * 24 * 3_600_000);
    await record(learner, cleanPass(learner.userId, claimed));

    const progress = await getModuleProgress(testDb.db, learner.userId, "demo-module");
    expect(progress).toMatchObject({
      completedAt: now,
      lastCompletedAt: now,
      quizPassedAt: now,
      reachedEndAt: now,
      startedAt: now,
      lastActivityAt: now,
    });
  });

  it("credits no more active time than passed on the server's clock between two receptions, and at most 600 s a batch", async () => {
    const learner = await newLearner();
    const at = { learnerId: learner.userId, at: now, activeSeconds: 600 };
    const batch = () => Array.from({ length: 50 }, () => stepViewed(at, "lecon"));
    const timeSpent = async () => (await getModuleProgress(testDb.db, learner.userId, "demo-module"))!.timeSpentSeconds;

    await recordEvents(testDb.db, { learner, events: batch(), catalogue, now });
    expect(await timeSpent()).toBe(600);
    await recordEvents(testDb.db, { learner, events: batch(), catalogue, now: new Date(now.getTime() + 30_000) });
    expect(await timeSpent()).toBe(630);
    await recordEvents(testDb.db, { learner, events: batch(), catalogue, now: new Date(now.getTime() + 30_000) });
    expect(await timeSpent()).toBe(630);
    // A learner back after an hour is credited what the browser counted, up to 600 s.
    await recordEvents(testDb.db, {
      learner,
      events: [stepViewed({ ...at, activeSeconds: 45 }, "situation")],
      catalogue,
      now: new Date(now.getTime() + 3_630_000),
    });
    expect(await timeSpent()).toBe(675);
  });
});

describe("recordEvents with bad input", () => {
  const cases: [string, (learnerId: string) => ReturnType<typeof stepViewed>, string][] = [
    ["an unknown module", (id) => stepViewed({ learnerId: id, at: start, moduleId: "inconnu" }, "lecon"), "not_found"],
    ["an unknown step", (id) => stepViewed({ learnerId: id, at: start }, "etape-42"), "not_found"],
    [
      "an outdated module version",
      (id) => stepViewed({ learnerId: id, at: start, moduleVersion: 2 }, "lecon"),
      "stale_content",
    ],
    [
      "a choice that does not exist",
      (id) => scenarioAnswered({ learnerId: id, at: start }, "situation", "fuir"),
      "not_found",
    ],
    [
      "a scenario answer on a lesson",
      (id) => scenarioAnswered({ learnerId: id, at: start }, "lecon", "remettre"),
      "bad_request",
    ],
    [
      "an answer to a question that does not exist",
      (id) => quizSubmitted({ learnerId: id, at: start }, "quiz", { inventee: ["a"] }),
      "not_found",
    ],
    [
      "an event older than 90 days",
      (id) => stepViewed({ learnerId: id, at: new Date("2026-01-01T00:00:00Z") }, "lecon"),
      "bad_request",
    ],
  ];

  it.each(cases)("rejects %s and stores nothing of the batch", async (_name, makeBad, code) => {
    const learner = await newLearner();
    const good = stepViewed({ learnerId: learner.userId, at: start }, "lecon");

    const error = await record(learner, [good, makeBad(learner.userId)]).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    expect(await eventCount(learner.userId)).toBe(0);
  });

  it("rejects a batch holding an event of another learner", async () => {
    const learner = await newLearner();
    const other = await newLearner();
    const events = [
      stepViewed({ learnerId: learner.userId, at: start }, "lecon"),
      stepViewed({ learnerId: other.userId, at: start }, "lecon"),
    ];

    await expect(record(learner, events)).rejects.toMatchObject({ code: "forbidden" });
    expect(await eventCount(learner.userId)).toBe(0);
    expect(await eventCount(other.userId)).toBe(0);
  });

  it("never lets the same event id of two learners collide", async () => {
    const [a, b] = [await newLearner(), await newLearner()];
    const eventId = randomUUID();
    await record(a, [{ ...stepViewed({ learnerId: a.userId, at: start }, "lecon"), eventId }]);
    const result = await record(b, [{ ...stepViewed({ learnerId: b.userId, at: start }, "lecon"), eventId }]);

    expect(result.outcomes[0]?.status).toBe("recorded");
    expect(await testDb.db.select().from(moduleProgress).where(eq(moduleProgress.userId, b.userId))).toHaveLength(1);
  });
});

describe("recordSessionEvents", () => {
  // A session started 10 minutes before `now`, checked with the default 30-minute idle timeout.
  // Managers' sessions have passed their second factor (a session still waiting for it is tested below).
  const signedIn = async (userId: string, at = new Date(now.getTime() - 10 * 60_000)) => {
    const { id } = await startSession(testDb.db, { userId, method: "password", now: at });
    await markSecondFactorPassed(testDb.db, id, at);
    return id;
  };
  const recordIn = (userId: string, sessionId: string, events: ReturnType<typeof cleanPass>, at = now) =>
    recordSessionEvents(testDb.db, {
      userId,
      session: { id: sessionId, ...sessionWindow(at, 30) },
      events,
      catalogue,
      now: at,
    });
  const recordAs = async (userId: string, step = "lecon") =>
    recordIn(userId, await signedIn(userId, now), [stepViewed({ learnerId: userId, at: start }, step)]);

  it("records in the establishment the user chose among theirs, or in their only one, never one picked by name", async () => {
    const [first, second] = [
      await createOrganisation(testDb.db, { name: "A établissement" }),
      await createOrganisation(testDb.db, { name: "B établissement" }),
    ];
    const learnerInSecond = await createUser(testDb.db, { organisationId: first.id, role: "manager" });
    await testDb.db
      .insert(memberships)
      .values({ userId: learnerInSecond.id, organisationId: second.id, role: "learner" });
    const onlyOne = await createUser(testDb.db, { organisationId: second.id, role: "manager" });
    const stranger = (await createOrganisation(testDb.db)).id;
    const recordChoosing = async (userId: string, chosenOrganisationId: string | null, step = "lecon") =>
      recordSessionEvents(testDb.db, {
        userId,
        session: { id: await signedIn(userId, now), ...sessionWindow(now, 30) },
        chosenOrganisationId,
        events: [stepViewed({ learnerId: userId, at: start }, step)],
        catalogue,
        now,
      });

    // Several establishments: nothing without a choice, nor with a choice that is not theirs (or not an id).
    for (const choice of [null, stranger, "pas-un-id"])
      expect(await recordChoosing(learnerInSecond.id, choice)).toBeNull();
    expect(await eventCount(learnerInSecond.id)).toBe(0);
    expect((await recordChoosing(learnerInSecond.id, second.id))?.outcomes[0]?.status).toBe("recorded");
    expect((await getModuleProgress(testDb.db, learnerInSecond.id, "demo-module"))?.organisationId).toBe(second.id);
    // One establishment: that one, whatever the cookie says.
    expect((await recordChoosing(onlyOne.id, stranger))?.outcomes[0]?.status).toBe("recorded");
    expect((await getModuleProgress(testDb.db, onlyOne.id, "demo-module"))?.organisationId).toBe(second.id);
  });

  it("stores nothing and answers null while a manager's session waits for its second factor", async () => {
    const manager = await createUser(testDb.db, {
      organisationId: (await createOrganisation(testDb.db)).id,
      role: "manager",
    });
    const waiting = (await startSession(testDb.db, { userId: manager.id, method: "password", now })).id;

    expect(await recordIn(manager.id, waiting, [stepViewed({ learnerId: manager.id, at: start }, "lecon")])).toBeNull();
    expect(await eventCount(manager.id)).toBe(0);
    await markSecondFactorPassed(testDb.db, waiting, now);
    expect(
      (await recordIn(manager.id, waiting, [stepViewed({ learnerId: manager.id, at: start }, "lecon")]))?.outcomes[0]
        ?.status,
    ).toBe("recorded");
  });

  it("stores nothing and answers null for a deactivated account", async () => {
    const learner = await newLearner();
    await testDb.db.update(users).set({ isActive: false }).where(eq(users.id, learner.userId));

    expect(await recordAs(learner.userId)).toBeNull();
    expect(await eventCount(learner.userId)).toBe(0);
    expect(await getModuleProgress(testDb.db, learner.userId, "demo-module")).toBeUndefined();
  });

  it("stores nothing and answers null for a user of no establishment", async () => {
    const centre = await createOrganisation(testDb.db, { kind: "centre" });
    const admin = await createUser(testDb.db, { organisationId: centre.id, role: "admin" });
    const nobody = await createUser(testDb.db);

    expect(await recordAs(admin.id)).toBeNull();
    expect(await recordAs(nobody.id)).toBeNull();
    expect(await eventCount(admin.id)).toBe(0);
  });

  it("answers duplicate, not null, when every event was stored before", async () => {
    const learner = await newLearner();
    const events = [stepViewed({ learnerId: learner.userId, at: start }, "lecon")];
    const sessionId = await signedIn(learner.userId, now);
    await recordIn(learner.userId, sessionId, events);

    expect((await recordIn(learner.userId, sessionId, events))?.outcomes[0]?.status).toBe("duplicate");
    expect(await eventCount(learner.userId)).toBe(1);
  });

  it("stores nothing and answers null once the session has ended, idled out or passed its 8 hours", async () => {
    const learner = await newLearner();
    const events = () => [stepViewed({ learnerId: learner.userId, at: start }, "lecon")];
    const ended = await signedIn(learner.userId);
    await endSession(testDb.db, ended);
    const idle = await signedIn(learner.userId, new Date(now.getTime() - 31 * 60_000));
    const old = await signedIn(learner.userId, new Date(now.getTime() - 8 * 60 * 60_000));
    await testDb.db.update(userSessions).set({ lastSeenAt: now }).where(eq(userSessions.id, old));

    expect(await recordIn(learner.userId, ended, events())).toBeNull();
    expect(await recordIn(learner.userId, idle, events())).toBeNull();
    expect(await recordIn(learner.userId, old, events())).toBeNull();
    expect((await recordIn(learner.userId, await signedIn(learner.userId), events()))?.outcomes[0]?.status).toBe(
      "recorded",
    );
    expect(await eventCount(learner.userId)).toBe(1);
  });

  it("refuses another person's session and counts sending events as using the session", async () => {
    const [learner, other] = [await newLearner(), await newLearner()];
    const sessionId = await signedIn(learner.userId, new Date(now.getTime() - 20 * 60_000));

    expect(
      await recordIn(other.userId, sessionId, [stepViewed({ learnerId: other.userId, at: start }, "lecon")]),
    ).toBeNull();
    expect(
      (await recordIn(learner.userId, sessionId, [stepViewed({ learnerId: learner.userId, at: start }, "lecon")]))
        ?.outcomes[0]?.status,
    ).toBe("recorded");
    const [row] = await testDb.db
      .select({ lastSeenAt: userSessions.lastSeenAt })
      .from(userSessions)
      .where(eq(userSessions.id, sessionId));
    expect(row!.lastSeenAt).toEqual(now);
  });
});
