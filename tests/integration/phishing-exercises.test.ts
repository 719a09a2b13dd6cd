import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailOutbox, phishingExercises, phishingRecipients, users } from "@/db/schema";
import { createOrganisation, createTeam, createUser } from "@/db/seed/factories";
import { loadActor } from "@/lib/auth/load-actor";
import { changeExerciseState } from "@/lib/phishing/change-exercise-state";
import { type CreateExerciseValues, createExercise } from "@/lib/phishing/create-exercise";
import { launchExercise } from "@/lib/phishing/launch-exercise";
import { recordAutomaticOpen, recordHumanClick } from "@/lib/phishing/record-landing";
import { hashRecipientToken, newRecipientToken } from "@/lib/phishing/recipient-token";
import { type SendDueMessagesOptions, sendDueMessages } from "@/lib/phishing/send-due-messages";
import { type TestDb, createTestDb } from "../support/db";

// The exercise's life without the pages: create, launch (planning), send (claim once), land.
// The scenario is a stand-in here; the real ones are lib/phishing/scenarios.ts.
let testDb: TestDb;
let centre: string;
const launchAt = new Date("2026-11-02T07:00:00Z"); // Monday 2 November 2026, 8:00 in Paris
const afterWindow = new Date("2026-11-10T12:00:00Z");

function senderOptions(now: Date, perMinute = 1_000): SendDueMessagesOptions & { links: string[] } {
  const links: string[] = [];
  return {
    links,
    now,
    perEstablishmentPerMinute: perMinute,
    landingUrl: (token) => `http://localhost:3000/exercice/${token}`,
    render: (scenarioId, link) => {
      links.push(link);
      return { subject: `Test ${scenarioId}`, text: `Voir ${link}`, html: `<a href="${link}">Voir</a>` };
    },
  };
}

beforeAll(async () => {
  delete process.env.SMTP_URL;
  testDb = await createTestDb();
  centre = (await createOrganisation(testDb.db, { kind: "centre" })).id;
});

afterAll(async () => {
  await testDb?.close();
});

async function establishment(learners = 3) {
  const organisationId = (await createOrganisation(testDb.db, { parentId: centre })).id;
  const manager = await createUser(testDb.db, { organisationId, role: "manager" });
  const staff = await Promise.all(Array.from({ length: learners }, () => createUser(testDb.db, { organisationId })));
  const actor = (await loadActor(testDb.db, manager.id))!;

  return { organisationId, manager, staff, actor };
}

async function launched(learners = 3, workingDays = 2) {
  const place = await establishment(learners);
  const exercise = await createExercise(testDb.db, {
    actor: place.actor,
    organisationId: place.organisationId,
    values: {
      scenarioId: "colis-pharmacie-pui",
      teamIds: [],
      windowStartsOn: "2026-11-02",
      workingDays,
      assignModuleOnClick: true,
    },
    scenarioIds: ["colis-pharmacie-pui"],
    now: launchAt,
  });
  const launch = await launchExercise(testDb.db, {
    actor: place.actor,
    organisationId: place.organisationId,
    exerciseId: exercise.id,
    staffInformed: true,
    now: launchAt,
  });

  return { ...place, exercise, launch };
}

async function recipientsOf(exerciseId: string) {
  return testDb.db.select().from(phishingRecipients).where(eq(phishingRecipients.exerciseId, exerciseId));
}

/** How many of the exercise's messages were claimed so far (other tests' exercises run in the same database). */
async function claimedOf(exerciseId: string) {
  return (await recipientsOf(exerciseId)).filter((r) => r.sentAt).length;
}

describe("creating and launching an exercise", () => {
  it("refuses another establishment's services, an unknown scenario and a window in the past", async () => {
    const a = await establishment(0);
    const b = await establishment(0);
    const teamOfB = await createTeam(testDb.db, { organisationId: b.organisationId });
    const values: CreateExerciseValues = {
      scenarioId: "colis-pharmacie-pui",
      teamIds: [],
      windowStartsOn: "2026-11-02",
      workingDays: 2,
      assignModuleOnClick: true,
    };
    const create = (v: Partial<CreateExerciseValues>, organisationId = a.organisationId) =>
      createExercise(testDb.db, {
        actor: a.actor,
        organisationId,
        values: { ...values, ...v },
        scenarioIds: ["colis-pharmacie-pui"],
        now: launchAt,
      });

    await expect(create({ teamIds: [teamOfB.id] })).rejects.toMatchObject({ code: "not_found" });
    await expect(create({}, b.organisationId)).rejects.toMatchObject({ code: "not_found" });
    await expect(create({ scenarioId: "inconnu" })).rejects.toMatchObject({ code: "bad_request" });
    await expect(create({ windowStartsOn: "2026-11-01" })).rejects.toMatchObject({ code: "bad_request" });
    expect(
      await testDb.db.select().from(phishingExercises).where(eq(phishingExercises.organisationId, a.organisationId)),
    ).toEqual([]);
  });

  it("needs the staff-information confirmation, then plans one message per reachable person in the window", async () => {
    const place = await establishment(4);
    const team = await createTeam(testDb.db, { organisationId: place.organisationId });
    const inTeam = await createUser(testDb.db, { organisationId: place.organisationId, teamId: team.id });
    const noAddress = await createUser(testDb.db, { organisationId: place.organisationId, teamId: team.id });
    await testDb.db.update(users).set({ email: null }).where(eq(users.id, noAddress.id));
    const exercise = await createExercise(testDb.db, {
      actor: place.actor,
      organisationId: place.organisationId,
      values: {
        scenarioId: "colis-pharmacie-pui",
        teamIds: [team.id],
        windowStartsOn: "2026-11-02",
        workingDays: 3,
        assignModuleOnClick: false,
      },
      scenarioIds: ["colis-pharmacie-pui"],
      now: launchAt,
    });
    const launch = (staffInformed: boolean) =>
      launchExercise(testDb.db, {
        actor: place.actor,
        organisationId: place.organisationId,
        exerciseId: exercise.id,
        staffInformed,
        now: launchAt,
      });

    await expect(launch(false)).rejects.toMatchObject({ code: "bad_request" });
    expect(await recipientsOf(exercise.id)).toEqual([]);
    expect(await launch(true)).toEqual({ planned: 1, unreachable: 1 });
    await expect(launch(true)).rejects.toMatchObject({ code: "conflict" });

    const [only] = await recipientsOf(exercise.id);
    expect(only).toMatchObject({ userId: inTeam.id, teamId: team.id, sentAt: null, tokenHash: null });
    expect(
      only!.plannedAt >= new Date("2026-11-02T08:00:00Z") && only!.plannedAt < new Date("2026-11-04T16:00:00Z"),
    ).toBe(true);
    const [row] = await testDb.db.select().from(phishingExercises).where(eq(phishingExercises.id, exercise.id));
    expect(row).toMatchObject({ state: "running", staffInformedBy: place.manager.id, staffInformedAt: launchAt });
  });

  it("cancels a draft, never launched, for good", async () => {
    const place = await establishment(2);
    const exercise = await createExercise(testDb.db, {
      actor: place.actor,
      organisationId: place.organisationId,
      values: {
        scenarioId: "colis-pharmacie-pui",
        teamIds: [],
        windowStartsOn: "2026-11-02",
        workingDays: 2,
        assignModuleOnClick: true,
      },
      scenarioIds: ["colis-pharmacie-pui"],
      now: launchAt,
    });
    const options = {
      actor: place.actor,
      organisationId: place.organisationId,
      exerciseId: exercise.id,
      now: launchAt,
    };

    await changeExerciseState(testDb.db, { ...options, change: "cancel" });

    const [row] = await testDb.db.select().from(phishingExercises).where(eq(phishingExercises.id, exercise.id));
    expect(row).toMatchObject({ state: "cancelled", staffInformedAt: null, endedAt: launchAt });
    await expect(launchExercise(testDb.db, { ...options, staffInformed: true })).rejects.toThrow();
    expect(await recipientsOf(exercise.id)).toHaveLength(0);
  });

  it("lets no manager of another establishment launch, pause or cancel it", async () => {
    const { exercise, organisationId } = await launched(1);
    const outsider = await establishment(0);
    const options = { actor: outsider.actor, exerciseId: exercise.id, now: launchAt };

    await expect(
      changeExerciseState(testDb.db, { ...options, organisationId, change: "cancel" }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      changeExerciseState(testDb.db, { ...options, organisationId: outsider.organisationId, change: "cancel" }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      launchExercise(testDb.db, { ...options, organisationId: outsider.organisationId, staffInformed: true }),
    ).rejects.toMatchObject({ code: "not_found" });
    const [row] = await testDb.db.select().from(phishingExercises).where(eq(phishingExercises.id, exercise.id));
    expect(row!.state).toBe("running");
  });
});

describe("sending an exercise's messages", () => {
  it("sends each due message once, even when runs overlap or start again after a restart", async () => {
    // Twelve learners and their manager: managers are staff too.
    const { exercise, staff, manager } = await launched(12);
    const everyone = [...staff, manager];
    const first = senderOptions(afterWindow);
    const second = senderOptions(afterWindow);

    await Promise.all([sendDueMessages(testDb.db, first), sendDueMessages(testDb.db, second)]);
    // A restart: the next run finds everything claimed.
    const again = senderOptions(afterWindow);
    await sendDueMessages(testDb.db, again);

    expect(await claimedOf(exercise.id)).toBe(13);
    const mail = await testDb.db.select().from(mailOutbox).where(eq(mailOutbox.kind, "phishing_exercise"));
    const toStaff = mail.filter((m) => everyone.some((s) => s.email === m.to));
    expect(toStaff.map((m) => m.to).sort()).toEqual(everyone.map((s) => s.email).sort());
    const rows = await recipientsOf(exercise.id);
    expect(rows.every((r) => r.sentAt && r.deliveredAt && r.tokenHash)).toBe(true);
    // The link's token is in the message, never in the database: only its hash is.
    const tokens = [...first.links, ...second.links, ...again.links].map((l) => l.split("/").at(-1)!);
    const hashes = new Set(tokens.map(hashRecipientToken));
    expect(rows.every((r) => hashes.has(r.tokenHash!))).toBe(true);
    expect(tokens.every((t) => t.length === 43)).toBe(true);
    const [row] = await testDb.db.select().from(phishingExercises).where(eq(phishingExercises.id, exercise.id));
    expect(row!.state).toBe("done");
  });

  it("sends nothing before its planned time, and nothing more once paused or cancelled", async () => {
    const { exercise, organisationId, actor } = await launched(6, 1);
    await sendDueMessages(testDb.db, senderOptions(new Date("2026-11-02T07:30:00Z")));
    expect(await claimedOf(exercise.id)).toBe(0);

    const times = (await recipientsOf(exercise.id)).map((r) => r.plannedAt.getTime()).sort();
    const middle = new Date(times[2]!);
    await sendDueMessages(testDb.db, senderOptions(middle));
    expect(await claimedOf(exercise.id)).toBe(3);
    await changeExerciseState(testDb.db, {
      actor,
      organisationId,
      exerciseId: exercise.id,
      change: "pause",
      now: middle,
    });
    await sendDueMessages(testDb.db, senderOptions(afterWindow));
    expect(await claimedOf(exercise.id)).toBe(3);
    await changeExerciseState(testDb.db, {
      actor,
      organisationId,
      exerciseId: exercise.id,
      change: "cancel",
      now: middle,
    });
    await sendDueMessages(testDb.db, senderOptions(afterWindow));
    expect(await claimedOf(exercise.id)).toBe(3);
    await expect(
      changeExerciseState(testDb.db, { actor, organisationId, exerciseId: exercise.id, change: "resume", now: middle }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("keeps to the establishment's rate: messages claimed in the last minute count", async () => {
    const { exercise } = await launched(7); // and their manager: 8 messages

    const claimedAfter = async (seconds: number) => {
      await sendDueMessages(testDb.db, senderOptions(new Date(afterWindow.getTime() + seconds * 1_000), 5));
      return claimedOf(exercise.id);
    };

    expect([await claimedAfter(0), await claimedAfter(30), await claimedAfter(61)]).toEqual([5, 5, 8]);
  });
});

describe("the link's landing", () => {
  async function sentWithLink() {
    const place = await launched(1);
    const sender = senderOptions(afterWindow);
    await sendDueMessages(testDb.db, sender);
    // The sender also sends other tests' due messages: take a link of this exercise's.
    const hashes = new Set((await recipientsOf(place.exercise.id)).map((r) => r.tokenHash));
    const token = sender.links.map((link) => link.split("/").at(-1)!).find((t) => hashes.has(hashRecipientToken(t)))!;

    return { ...place, token };
  }

  /** The exercise's recipient whose link carries `token`. */
  async function recipientOf(token: string) {
    const [row] = await testDb.db
      .select()
      .from(phishingRecipients)
      .where(eq(phishingRecipients.tokenHash, hashRecipientToken(token)));

    return row;
  }

  it("counts plain requests as automatic openings and one click, once, with the module assigned", async () => {
    const { exercise, token, organisationId } = await sentWithLink();
    const now = new Date(afterWindow.getTime() + 60_000);

    await recordAutomaticOpen(testDb.db, { token, now });
    await recordAutomaticOpen(testDb.db, { token, now });
    expect(await recipientOf(token)).toMatchObject({ exerciseId: exercise.id, automaticOpens: 2, clickedAt: null });
    const landing = await recordHumanClick(testDb.db, { token, now, viewerOrganisationIds: [organisationId] });
    await recordHumanClick(testDb.db, { token, now: new Date(now.getTime() + 60_000) });

    expect(landing).toMatchObject({
      organisationId,
      scenarioId: "colis-pharmacie-pui",
      assignModuleOnClick: true,
      byCentre: false,
    });
    expect(await recipientOf(token)).toMatchObject({ automaticOpens: 2, clickedAt: now, moduleAssignedAt: now });
  });

  it("records nothing for a forged, expired, cancelled or other establishment's token", async () => {
    const { exercise, token } = await sentWithLink();
    const other = await establishment(0);
    const now = new Date(afterWindow.getTime() + 60_000);
    const forged = newRecipientToken();

    for (const attempt of [
      { token: forged, now },
      { token: "not-a-token", now },
      { token: `${token}x`, now },
      { token, now: new Date(afterWindow.getTime() + 31 * 86_400_000) },
      { token, now, viewerOrganisationIds: [other.organisationId] },
    ]) {
      expect(await recordAutomaticOpen(testDb.db, attempt)).toBeNull();
      expect(await recordHumanClick(testDb.db, attempt)).toBeNull();
    }
    // Its only message went, so it is done; a cancelled exercise's links count no more either.
    await testDb.db.update(phishingExercises).set({ state: "cancelled" }).where(eq(phishingExercises.id, exercise.id));
    expect(await recordHumanClick(testDb.db, { token, now })).toBeNull();

    expect(await recipientOf(token)).toMatchObject({
      exerciseId: exercise.id,
      automaticOpens: 0,
      clickedAt: null,
      moduleAssignedAt: null,
    });
  });
});
