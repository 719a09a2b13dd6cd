import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  mailOutbox,
  memberships,
  phishingCampaigns,
  phishingExercises,
  phishingRecipients,
} from "@/db/schema";
import { createOrganisation, createUser } from "@/db/seed/factories";
import type { Actor } from "@/lib/auth/load-actor";
import { changeCampaignState } from "@/lib/phishing/change-campaign-state";
import { changeExerciseState } from "@/lib/phishing/change-exercise-state";
import { countDraftMessages } from "@/lib/phishing/count-draft-messages";
import { type CreateCampaignValues, CampaignEstablishmentsError, createCampaign } from "@/lib/phishing/create-campaign";
import { getCampaignResults } from "@/lib/phishing/get-campaign-results";
import { getExerciseResults } from "@/lib/phishing/get-exercise-results";
import { launchCampaign } from "@/lib/phishing/launch-campaign";
import { launchExercise } from "@/lib/phishing/launch-exercise";
import { listCampaigns } from "@/lib/phishing/list-campaigns";
import { listExercises } from "@/lib/phishing/list-exercises";
import { recordAutomaticOpen, recordHumanClick } from "@/lib/phishing/record-landing";
import { hashRecipientToken } from "@/lib/phishing/recipient-token";
import { sendDueMessages } from "@/lib/phishing/send-due-messages";
import { type TestDb, createTestDb } from "../support/db";
import { signedInActor } from "../support/signed-in-actor";

// A centre exercise (issue 20): one draft exercise per establishment, launched, paused, resumed
// and cancelled from the centre for all of them at once; each establishment sees only its part.
let testDb: TestDb;
let centre: string;
let otherCentre: string;
let admin: Actor;
let adminElsewhere: Actor;
const now = new Date("2026-11-02T07:00:00Z"); // Monday 2 November 2026, 8:00 in Paris
const afterWindow = new Date("2026-11-10T12:00:00Z");
const SCENARIO = "colis-pharmacie-pui";
const values = (organisationIds: string[]): CreateCampaignValues => ({
  organisationIds,
  scenarioId: SCENARIO,
  windowStartsOn: "2026-11-02",
  workingDays: 2,
  assignModuleOnClick: true,
});

async function actorOf(userId: string): Promise<Actor> {
  return (await signedInActor(testDb.db, userId))!;
}

/** An establishment of `parentId` with its manager and `learners` staff, all with an e-mail address. */
async function establishment(parentId: string, learners = 3, name?: string) {
  const organisationId = (await createOrganisation(testDb.db, { parentId, name })).id;
  const manager = await createUser(testDb.db, { organisationId, role: "manager" });
  const staff = await Promise.all(Array.from({ length: learners }, () => createUser(testDb.db, { organisationId })));

  return { organisationId, manager: await actorOf(manager.id), staff };
}

const create = (organisationIds: string[], actor = admin, overrides: Partial<CreateCampaignValues> = {}) =>
  createCampaign(testDb.db, {
    actor,
    values: { ...values(organisationIds), ...overrides },
    scenarioIds: [SCENARIO],
    now,
  });

async function partsOf(campaignId: string) {
  return testDb.db.select().from(phishingExercises).where(eq(phishingExercises.campaignId, campaignId));
}

async function partOf(campaignId: string, organisationId: string) {
  return (await partsOf(campaignId)).find((part) => part.organisationId === organisationId)!;
}

async function statesOf(campaignId: string, ...organisationIds: string[]) {
  const parts = await partsOf(campaignId);

  return organisationIds.map((id) => parts.find((part) => part.organisationId === id)!.state);
}

async function auditOf(targetId: string) {
  // Each change is its own transaction, so its own instant.
  return testDb.db.select().from(auditLog).where(eq(auditLog.targetId, targetId)).orderBy(asc(auditLog.occurredAt));
}

beforeAll(async () => {
  delete process.env.SMTP_URL;
  testDb = await createTestDb();
  centre = (await createOrganisation(testDb.db, { kind: "centre" })).id;
  otherCentre = (await createOrganisation(testDb.db, { kind: "centre" })).id;
  admin = await actorOf((await createUser(testDb.db, { organisationId: centre, role: "admin" })).id);
  adminElsewhere = await actorOf((await createUser(testDb.db, { organisationId: otherCentre, role: "admin" })).id);
});

afterAll(async () => {
  await testDb?.close();
});

describe("creating a centre exercise", () => {
  it("makes one draft exercise per establishment, linked to one campaign of the centre, and audits it", async () => {
    const a = await establishment(centre);
    // An establishment under a group of the centre is the centre's too.
    const group = (await createOrganisation(testDb.db, { kind: "group", parentId: centre })).id;
    const b = await establishment(group);

    const campaign = await create([a.organisationId, b.organisationId]);

    expect(campaign.organisationId).toBe(centre);
    const parts = await partsOf(campaign.id);
    expect(parts.map((part) => part.organisationId).sort()).toEqual([a.organisationId, b.organisationId].sort());
    expect(parts.every((part) => part.state === "draft" && part.scenarioId === SCENARIO)).toBe(true);
    expect(parts.every((part) => part.workingDays === 2 && part.assignModuleOnClick)).toBe(true);
    expect(await auditOf(campaign.id)).toMatchObject([
      { action: "phishing_campaign.created", actorUserId: admin.userId, organisationId: centre },
    ]);
  });

  it("refuses an establishment of another centre, one where nobody is reachable, a bad scenario or window, and writes nothing", async () => {
    const a = await establishment(centre);
    const elsewhere = await establishment(otherCentre);
    const empty = await createOrganisation(testDb.db, { parentId: centre, name: "EHPAD sans adresse" });
    const before = await testDb.db.select().from(phishingCampaigns);

    await expect(create([a.organisationId, elsewhere.organisationId])).rejects.toMatchObject({ code: "not_found" });
    await expect(create([a.organisationId, centre])).rejects.toMatchObject({ code: "not_found" });
    await expect(create([a.organisationId, empty.id])).rejects.toMatchObject({
      code: "bad_request",
      establishments: ["EHPAD sans adresse"],
    });
    await expect(create([a.organisationId], admin, { scenarioId: "inconnu" })).rejects.toMatchObject({
      code: "bad_request",
    });
    await expect(create([a.organisationId], admin, { windowStartsOn: "2026-11-01" })).rejects.toMatchObject({
      code: "bad_request",
    });
    await expect(create([])).rejects.toThrow();

    expect(await testDb.db.select().from(phishingCampaigns)).toEqual(before);
    expect(
      await testDb.db.select().from(phishingExercises).where(eq(phishingExercises.organisationId, a.organisationId)),
    ).toEqual([]);
  });

  it("is refused to a manager, a learner and the admin of another centre", async () => {
    const a = await establishment(centre);
    const learner = await actorOf(a.staff[0]!.id);

    for (const actor of [a.manager, learner, adminElsewhere])
      await expect(create([a.organisationId], actor)).rejects.toMatchObject({ code: "not_found" });
    for (const actor of [a.manager, learner])
      await expect(listCampaigns(testDb.db, actor)).rejects.toMatchObject({ code: "not_found" });
    // Another centre's admin has a list of their own, without this centre's exercises.
    expect(await listCampaigns(testDb.db, adminElsewhere)).toEqual([]);
  });
});

describe("launching, pausing, resuming and cancelling from the centre", () => {
  it("launches every part at once, once the admin confirmed that staff were told, and plans nothing twice", async () => {
    const a = await establishment(centre, 3);
    const b = await establishment(centre, 2);
    const campaign = await create([a.organisationId, b.organisationId]);
    const launch = (staffInformed: boolean) =>
      launchCampaign(testDb.db, { actor: admin, campaignId: campaign.id, staffInformed, now });

    await expect(launch(false)).rejects.toMatchObject({ code: "bad_request" });
    expect(await statesOf(campaign.id, a.organisationId, b.organisationId)).toEqual(["draft", "draft"]);
    // Managers and learners: 4 in A, 3 in B.
    expect(await launch(true)).toEqual({ establishments: 2, planned: 7 });
    await expect(launch(true)).rejects.toMatchObject({ code: "conflict" });

    const parts = await partsOf(campaign.id);
    expect(parts.every((part) => part.state === "running" && part.staffInformedBy === admin.userId)).toBe(true);
    for (const part of parts) {
      const recipients = await testDb.db
        .select()
        .from(phishingRecipients)
        .where(eq(phishingRecipients.exerciseId, part.id));
      expect(recipients.length).toBe(part.organisationId === a.organisationId ? 4 : 3);
      expect(recipients.every((r) => r.organisationId === part.organisationId)).toBe(true);
      expect(await auditOf(part.id)).toMatchObject([
        { action: "phishing_exercise.launched", organisationId: part.organisationId, actorUserId: admin.userId },
      ]);
    }
    expect((await auditOf(campaign.id)).map((entry) => entry.action).sort()).toEqual([
      "phishing_campaign.created",
      "phishing_campaign.launched",
    ]);
  });

  it("launches nothing when one establishment has nobody left to reach, and names it", async () => {
    const a = await establishment(centre, 2);
    const b = await establishment(centre, 1, `Clinique partie ${Date.now()}`);
    const campaign = await create([a.organisationId, b.organisationId]);
    // B's staff leave between the preparation and the launch.
    await testDb.db.delete(memberships).where(eq(memberships.organisationId, b.organisationId));

    const refused = await launchCampaign(testDb.db, { actor: admin, campaignId: campaign.id, staffInformed: true, now })
      .then(() => null)
      .catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(CampaignEstablishmentsError);
    expect((refused as CampaignEstablishmentsError).establishments).toEqual([
      expect.stringContaining("Clinique partie"),
    ]);
    expect(await statesOf(campaign.id, a.organisationId, b.organisationId)).toEqual(["draft", "draft"]);
    const planned = await testDb.db
      .select()
      .from(phishingRecipients)
      .where(
        inArray(
          phishingRecipients.exerciseId,
          (await partsOf(campaign.id)).map((part) => part.id),
        ),
      );
    expect(planned).toEqual([]);
  });

  it("pauses, resumes and cancels every part in one go, and never brings back a part its establishment cancelled", async () => {
    const a = await establishment(centre);
    const b = await establishment(centre);
    const c = await establishment(centre);
    const campaign = await create([a.organisationId, b.organisationId, c.organisationId]);
    await launchCampaign(testDb.db, { actor: admin, campaignId: campaign.id, staffInformed: true, now });
    const change = (change: "pause" | "resume" | "cancel") =>
      changeCampaignState(testDb.db, { actor: admin, campaignId: campaign.id, change, now });
    const all = [a.organisationId, b.organisationId, c.organisationId];

    expect(await change("pause")).toEqual({ state: "paused", establishments: 3 });
    expect(await statesOf(campaign.id, ...all)).toEqual(["paused", "paused", "paused"]);
    await expect(change("pause")).rejects.toMatchObject({ code: "conflict" });
    // C's managers withdraw their establishment.
    await changeExerciseState(testDb.db, {
      actor: c.manager,
      organisationId: c.organisationId,
      exerciseId: (await partOf(campaign.id, c.organisationId)).id,
      change: "cancel",
      now,
    });
    expect(await change("resume")).toEqual({ state: "running", establishments: 2 });
    expect(await statesOf(campaign.id, ...all)).toEqual(["running", "running", "cancelled"]);
    expect(await change("cancel")).toEqual({ state: "cancelled", establishments: 2 });
    expect(await statesOf(campaign.id, ...all)).toEqual(["cancelled", "cancelled", "cancelled"]);
    await expect(change("cancel")).rejects.toMatchObject({ code: "conflict" });
    expect((await partsOf(campaign.id)).every((part) => part.endedAt)).toBe(true);

    const aPart = await partOf(campaign.id, a.organisationId);
    expect((await auditOf(aPart.id)).map((entry) => entry.action)).toEqual([
      "phishing_exercise.launched",
      "phishing_exercise.paused",
      "phishing_exercise.resumed",
      "phishing_exercise.cancelled",
    ]);
    expect((await auditOf(campaign.id)).map((entry) => entry.action)).toEqual([
      "phishing_campaign.created",
      "phishing_campaign.launched",
      "phishing_campaign.paused",
      "phishing_campaign.resumed",
      "phishing_campaign.cancelled",
    ]);
  });

  it("stops sending in every establishment once paused", async () => {
    const a = await establishment(centre, 2);
    const b = await establishment(centre, 2);
    const campaign = await create([a.organisationId, b.organisationId]);
    await launchCampaign(testDb.db, { actor: admin, campaignId: campaign.id, staffInformed: true, now });
    await changeCampaignState(testDb.db, { actor: admin, campaignId: campaign.id, change: "pause", now });

    await sendDueMessages(testDb.db, senderOptions(afterWindow));

    const ids = (await partsOf(campaign.id)).map((part) => part.id);
    const sent = await testDb.db
      .select()
      .from(phishingRecipients)
      .where(and(inArray(phishingRecipients.exerciseId, ids)));
    expect(sent.filter((r) => r.sentAt)).toEqual([]);
  });
});

describe("a centre exercise's link", () => {
  it("lands on the page of an exercise run by the centre, counted in its establishment's part", async () => {
    const a = await establishment(centre, 2);
    const campaign = await create([a.organisationId]);
    await launchCampaign(testDb.db, { actor: admin, campaignId: campaign.id, staffInformed: true, now });
    const tokens: string[] = [];
    await sendDueMessages(testDb.db, {
      ...senderOptions(afterWindow),
      landingUrl: (token: string) => {
        tokens.push(token);
        return `http://localhost:3000/exercice/${token}`;
      },
    });
    const at = new Date(afterWindow.getTime() + 60_000);
    // The sender sends whatever is due, other tests' messages included: take one of this part's.
    const part = await partOf(campaign.id, a.organisationId);
    const [recipient] = await testDb.db
      .select()
      .from(phishingRecipients)
      .where(eq(phishingRecipients.exerciseId, part.id));
    const token = tokens.find((candidate) => hashRecipientToken(candidate) === recipient!.tokenHash)!;

    const opened = await recordAutomaticOpen(testDb.db, { token, now: at });
    const clicked = await recordHumanClick(testDb.db, { token, now: at });

    expect(opened).toMatchObject({ organisationId: a.organisationId, byCentre: true });
    expect(clicked).toMatchObject({ organisationId: a.organisationId, byCentre: true });
  });
});

function senderOptions(at: Date) {
  return {
    now: at,
    perEstablishmentPerMinute: 1_000,
    landingUrl: (token: string) => `http://localhost:3000/exercice/${token}`,
    render: (scenarioId: string, link: string) => ({
      subject: `Test ${scenarioId}`,
      text: `Voir ${link}`,
      html: `<a href="${link}">Voir</a>`,
    }),
  };
}

describe("an establishment's part of a centre exercise", () => {
  it("is in its managers' list, marked, and the other establishments' parts are not", async () => {
    const a = await establishment(centre);
    const b = await establishment(centre);
    const campaign = await create([a.organisationId, b.organisationId]);

    const listed = await listExercises(testDb.db, a.organisationId);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ id: (await partOf(campaign.id, a.organisationId)).id, isCentreExercise: true });
  });

  it("can be cancelled by its managers, not launched, paused or resumed; B's part and the campaign are out of reach", async () => {
    const a = await establishment(centre);
    const b = await establishment(centre);
    const campaign = await create([a.organisationId, b.organisationId]);
    const aPart = await partOf(campaign.id, a.organisationId);
    const bPart = await partOf(campaign.id, b.organisationId);

    await expect(
      launchExercise(testDb.db, {
        actor: a.manager,
        organisationId: a.organisationId,
        exerciseId: aPart.id,
        staffInformed: true,
        now,
      }),
    ).rejects.toMatchObject({ code: "conflict", detail: "launched by the centre" });
    await launchCampaign(testDb.db, { actor: admin, campaignId: campaign.id, staffInformed: true, now });
    await expect(
      changeExerciseState(testDb.db, {
        actor: a.manager,
        organisationId: a.organisationId,
        exerciseId: aPart.id,
        change: "pause",
        now,
      }),
    ).rejects.toMatchObject({ code: "conflict", detail: "launched by the centre" });

    // B's part: through A, or naming B.
    for (const organisationId of [a.organisationId, b.organisationId]) {
      await expect(
        changeExerciseState(testDb.db, {
          actor: a.manager,
          organisationId,
          exerciseId: bPart.id,
          change: "cancel",
          now,
        }),
      ).rejects.toMatchObject({ code: "not_found" });
      await expect(
        getExerciseResults(testDb.db, { actor: a.manager, organisationId, exerciseId: bPart.id }),
      ).rejects.toMatchObject({ code: "not_found" });
    }
    // The campaign itself: the centre's only.
    for (const actor of [a.manager, b.manager, adminElsewhere]) {
      await expect(getCampaignResults(testDb.db, { actor, campaignId: campaign.id })).rejects.toMatchObject({
        code: "not_found",
      });
      await expect(
        changeCampaignState(testDb.db, { actor, campaignId: campaign.id, change: "cancel", now }),
      ).rejects.toMatchObject({ code: "not_found" });
      await expect(
        launchCampaign(testDb.db, { actor, campaignId: campaign.id, staffInformed: true, now }),
      ).rejects.toMatchObject({ code: "not_found" });
    }
    await expect(getCampaignResults(testDb.db, { actor: admin, campaignId: "not-a-uuid" })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await statesOf(campaign.id, a.organisationId, b.organisationId)).toEqual(["running", "running"]);

    await changeExerciseState(testDb.db, {
      actor: a.manager,
      organisationId: a.organisationId,
      exerciseId: aPart.id,
      change: "cancel",
      now,
    });
    expect(await statesOf(campaign.id, a.organisationId, b.organisationId)).toEqual(["cancelled", "running"]);
    expect(await auditOf(aPart.id)).toContainEqual(
      expect.objectContaining({ action: "phishing_exercise.cancelled", details: { campaignId: campaign.id } }),
    );
  });
});

describe("a centre exercise's results", () => {
  it("are counted by establishment, by name, the small ones merged, never by person", async () => {
    const a = await establishment(centre, 6, `Centre hospitalier résultats ${Date.now()}`);
    const b = await establishment(centre, 5, `EHPAD résultats ${Date.now()}`);
    const small = await establishment(centre, 1, `Petit établissement ${Date.now()}`);
    const campaign = await create([a.organisationId, b.organisationId, small.organisationId]);
    await launchCampaign(testDb.db, { actor: admin, campaignId: campaign.id, staffInformed: true, now });
    const before = await getCampaignResults(testDb.db, { actor: admin, campaignId: campaign.id });
    expect(before.total.sent).toBe(0);
    expect(before.parts.map((part) => [part.planned, part.sent])).toEqual([
      [7, 0],
      [6, 0],
      [2, 0],
    ]);

    await sendDueMessages(testDb.db, senderOptions(afterWindow));
    const results = await getCampaignResults(testDb.db, { actor: admin, campaignId: campaign.id });

    expect(results.campaign).toMatchObject({ id: campaign.id, scenarioId: SCENARIO, state: "done" });
    expect(results.total).toMatchObject({ sent: 15, delivered: 15, clicks: 0 });
    // The small one (2 people) is merged with the smallest larger one (B, 6): no row under 5.
    expect(results.rows.map((row) => row.group)).toEqual([
      { kind: "service", teamId: a.organisationId, name: expect.stringContaining("Centre hospitalier résultats") },
      { kind: "mergedWithLarger", services: 2 },
    ]);
    expect(results.rows.every((row) => row.sent >= 5)).toBe(true);
    expect(JSON.stringify(results)).not.toContain(a.staff[0]!.id);
    expect(await listCampaigns(testDb.db, adminElsewhere)).toEqual([]);
    expect((await listCampaigns(testDb.db, admin)).find((listed) => listed.id === campaign.id)).toMatchObject({
      establishments: 3,
      planned: 15,
      sent: 15,
      state: "done",
    });
  });
});

describe("a person in several establishments of a centre exercise", () => {
  /** Makes `userId` staff of `organisationId` too, joined after their first establishment. */
  async function joinAlso(userId: string, organisationId: string) {
    await testDb.db
      .update(memberships)
      .set({ createdAt: new Date("2020-01-06T09:00:00Z") })
      .where(eq(memberships.userId, userId));
    await testDb.db.insert(memberships).values({ userId, organisationId, role: "learner" });
  }

  async function recipientsOf(campaignId: string, userId: string) {
    const ids = (await partsOf(campaignId)).map((part) => part.id);

    return testDb.db
      .select()
      .from(phishingRecipients)
      .where(and(inArray(phishingRecipients.exerciseId, ids), eq(phishingRecipients.userId, userId)));
  }

  it("gets one message, counted in the establishment they joined first, and the rule of five counts them once", async () => {
    const stamp = Date.now();
    // Parts are launched in name order: the clinic's first, though the person joined the hospital first.
    const clinic = await establishment(centre, 3, `Clinique A ${stamp}`);
    const hospital = await establishment(centre, 4, `Hôpital Z ${stamp}`);
    const nursingHome = await establishment(centre, 5, `EHPAD M ${stamp}`);
    const person = hospital.staff[0]!;
    await joinAlso(person.id, clinic.organisationId);
    const campaign = await create([clinic.organisationId, hospital.organisationId, nursingHome.organisationId]);

    // Each manager and their staff (4, 5 and 6 people): the person once.
    expect(
      await launchCampaign(testDb.db, { actor: admin, campaignId: campaign.id, staffInformed: true, now }),
    ).toEqual({ establishments: 3, planned: 15 });
    expect(await recipientsOf(campaign.id, person.id)).toEqual([
      expect.objectContaining({ organisationId: hospital.organisationId }),
    ]);

    await sendDueMessages(testDb.db, senderOptions(afterWindow));
    const mails = await testDb.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.to, person.email!), eq(mailOutbox.kind, "phishing_exercise")));
    expect(mails).toHaveLength(1);
    const results = await getCampaignResults(testDb.db, { actor: admin, campaignId: campaign.id });
    expect(results.parts.map((part) => [part.organisationId, part.planned, part.sent])).toEqual([
      [clinic.organisationId, 4, 4],
      [nursingHome.organisationId, 6, 6],
      [hospital.organisationId, 5, 5],
    ]);
    expect(results.total.sent).toBe(15);
    // Counted twice, the clinic would reach five and be shown alone; with four it is merged, with
    // the smallest establishment shown (the hospital) so that the total gives nothing away.
    expect(results.rows.map((row) => [row.group, row.sent])).toEqual([
      [{ kind: "service", teamId: nursingHome.organisationId, name: `EHPAD M ${stamp}` }, 6],
      [{ kind: "mergedWithLarger", services: 2 }, 9],
    ]);
  });

  it("is left out of a draft part's figure where the launch leaves them out: each draft shows what its launch plans", async () => {
    const clinic = await establishment(centre, 3);
    const hospital = await establishment(centre, 4);
    const person = hospital.staff[0]!;
    await joinAlso(person.id, clinic.organisationId);
    const campaign = await create([clinic.organisationId, hospital.organisationId]);
    const parts = [
      { ...clinic, part: await partOf(campaign.id, clinic.organisationId) },
      { ...hospital, part: await partOf(campaign.id, hospital.organisationId) },
    ];

    // The clinic's manager and staff (4), the person counted in the hospital they joined first (5).
    const figures = await Promise.all(
      parts.map(async ({ organisationId, part }) => (await countDraftMessages(testDb.db, organisationId)).get(part.id)),
    );
    expect(figures).toEqual([
      { planned: 4, countedElsewhere: 1 },
      { planned: 5, countedElsewhere: 0 },
    ]);

    await launchCampaign(testDb.db, { actor: admin, campaignId: campaign.id, staffInformed: true, now });
    for (const [index, { part }] of parts.entries()) {
      const planned = await testDb.db
        .select()
        .from(phishingRecipients)
        .where(eq(phishingRecipients.exerciseId, part.id));
      expect(planned).toHaveLength(figures[index]!.planned);
    }
    // Launched, nothing is a draft any more.
    expect((await countDraftMessages(testDb.db, clinic.organisationId)).size).toBe(0);
  });

  it("is counted in a draft of its own establishment's, which is no centre exercise", async () => {
    const clinic = await establishment(centre, 3);
    const hospital = await establishment(centre, 4);
    await joinAlso(hospital.staff[0]!.id, clinic.organisationId);
    await create([hospital.organisationId]);
    const [own] = await testDb.db
      .insert(phishingExercises)
      .values({
        organisationId: clinic.organisationId,
        scenarioId: SCENARIO,
        windowStartsOn: "2026-11-02",
        workingDays: 2,
        createdBy: clinic.manager.userId,
      })
      .returning();

    expect((await countDraftMessages(testDb.db, clinic.organisationId)).get(own!.id)).toEqual({
      planned: 5,
      countedElsewhere: 0,
    });
  });

  it("launches a part whose people are all counted in another establishment with no message, and it ends", async () => {
    const hospital = await establishment(centre, 2);
    const annex = await createOrganisation(testDb.db, { parentId: centre });
    const person = hospital.staff[0]!;
    await joinAlso(person.id, annex.id);
    const campaign = await create([hospital.organisationId, annex.id]);

    expect(
      await launchCampaign(testDb.db, { actor: admin, campaignId: campaign.id, staffInformed: true, now }),
    ).toEqual({ establishments: 2, planned: 3 });
    expect(await recipientsOf(campaign.id, person.id)).toEqual([
      expect.objectContaining({ organisationId: hospital.organisationId }),
    ]);
    expect(await statesOf(campaign.id, hospital.organisationId, annex.id)).toEqual(["running", "running"]);

    await sendDueMessages(testDb.db, senderOptions(afterWindow));
    expect(await statesOf(campaign.id, hospital.organisationId, annex.id)).toEqual(["done", "done"]);
  });
});
