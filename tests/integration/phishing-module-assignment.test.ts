import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignments, mailOutbox, phishingRecipients } from "@/db/schema";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { listAssignments } from "@/lib/assignments/list-assignments";
import { listLearnerAssignments } from "@/lib/assignments/list-learner-assignments";
import { loadActor } from "@/lib/auth/load-actor";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { createExercise } from "@/lib/phishing/create-exercise";
import { launchExercise } from "@/lib/phishing/launch-exercise";
import { PHISHING_MODULE_ID } from "@/lib/phishing/phishing-module";
import { hashRecipientToken } from "@/lib/phishing/recipient-token";
import { recordAutomaticOpen, recordHumanClick } from "@/lib/phishing/record-landing";
import { sendDueMessages } from "@/lib/phishing/send-due-messages";
import { loadAssignmentTargets } from "@/lib/read-model/assignment-targets";
import { listLearners } from "@/lib/reports/list-learners";
import { erasePersonalData } from "@/lib/privacy/erase-personal-data";
import { exportPersonalData } from "@/lib/privacy/export-personal-data";
import { signedInActor } from "../support/signed-in-actor";
import { type TestDb, createTestDb } from "../support/db";

// The module that follows a click: a real assignment of the person (lib/assignments), seen in
// « Mes modules » and counted by the managers' reports, with nothing saying why.
const catalogue = loadCatalogue("courses");
let testDb: TestDb;
let centre: string;
const launchAt = new Date("2026-11-02T07:00:00Z"); // Monday 2 November 2026, 8:00 in Paris
const afterWindow = new Date("2026-11-10T12:00:00Z");

beforeAll(async () => {
  delete process.env.SMTP_URL;
  testDb = await createTestDb();
  centre = (await createOrganisation(testDb.db, { kind: "centre" })).id;
});

afterAll(async () => {
  await testDb?.close();
});

async function establishment(learners: number) {
  const organisationId = (await createOrganisation(testDb.db, { parentId: centre })).id;
  const manager = await createUser(testDb.db, { organisationId, role: "manager" });
  const staff = await Promise.all(Array.from({ length: learners }, () => createUser(testDb.db, { organisationId })));

  return { organisationId, staff, actor: (await loadActor(testDb.db, manager.id))! };
}

/** An exercise of the establishment, launched and sent: each person's link token. */
async function sentExercise(place: Awaited<ReturnType<typeof establishment>>, assignModuleOnClick = true) {
  const exercise = await createExercise(testDb.db, {
    actor: place.actor,
    organisationId: place.organisationId,
    values: {
      scenarioId: "colis-pharmacie-pui",
      teamIds: [],
      windowStartsOn: "2026-11-02",
      workingDays: 2,
      assignModuleOnClick,
    },
    scenarioIds: ["colis-pharmacie-pui"],
    now: launchAt,
  });
  await launchExercise(testDb.db, {
    actor: place.actor,
    organisationId: place.organisationId,
    exerciseId: exercise.id,
    staffInformed: true,
    now: launchAt,
  });
  const tokens = new Map<string, string>();
  const emails = new Map(place.staff.map((s) => [s.email!, s.id]));
  await sendDueMessages(testDb.db, {
    now: afterWindow,
    perEstablishmentPerMinute: 1_000,
    landingUrl: (token) => `http://localhost/exercice/${token}`,
    render: (_scenario, link) => ({ subject: "Colis", text: link, html: `<a href="${link}">x</a>` }),
  });
  // Which token went to whom: the local mailbox's message whose link's hash is the person's.
  const rows = await testDb.db.select().from(phishingRecipients).where(eq(phishingRecipients.exerciseId, exercise.id));
  const mails = await testDb.db
    .select({ to: mailOutbox.to, text: mailOutbox.text })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.kind, "phishing_exercise"), eq(mailOutbox.organisationId, place.organisationId)));
  for (const mail of mails) {
    const token = /\/exercice\/([\w-]+)/.exec(mail.text)?.[1] ?? "";
    const row = rows.find((r) => r.tokenHash === hashRecipientToken(token));
    if (row && row.userId === emails.get(mail.to)) tokens.set(row.userId, token);
  }

  return { exercise, tokens };
}

async function ownAssignments(organisationId: string, userId: string) {
  return listLearnerAssignments(testDb.db, {
    organisationId,
    userId,
    teamId: null,
    catalogue,
    progress: new Map(),
    asOf: afterWindow,
  });
}

describe("the phishing module assigned on a click", () => {
  it("assigns the module to the person who clicked, once, due 90 days after the window opens", async () => {
    const place = await establishment(2);
    const { tokens } = await sentExercise(place);
    const [clicker, other] = place.staff;
    const token = tokens.get(clicker!.id)!;
    const now = new Date(afterWindow.getTime() + 60_000);

    await recordAutomaticOpen(testDb.db, { token, now });
    expect(await ownAssignments(place.organisationId, clicker!.id)).toEqual([]);
    await recordHumanClick(testDb.db, { token, now });
    await recordHumanClick(testDb.db, { token, now: new Date(now.getTime() + 60_000) });

    const own = await ownAssignments(place.organisationId, clicker!.id);
    expect(own).toMatchObject([{ subjectType: "module", subjectId: PHISHING_MODULE_ID, dueOn: "2027-01-31" }]);
    expect(own[0]!.status).toBe("not_started");
    expect(await ownAssignments(place.organisationId, other!.id)).toEqual([]);
    const rows = await testDb.db.select().from(assignments).where(eq(assignments.organisationId, place.organisationId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: clicker!.id, teamId: null, createdBy: null });
  });

  it("shows it in the reports as assigned, without listing it among the establishment's assignments", async () => {
    const place = await establishment(3);
    const { tokens } = await sentExercise(place);
    const [first, second, third] = place.staff;
    const now = new Date(afterWindow.getTime() + 60_000);
    await recordHumanClick(testDb.db, { token: tokens.get(first!.id)!, now });
    await recordHumanClick(testDb.db, { token: tokens.get(second!.id)!, now });

    expect(await listAssignments(testDb.db, { organisationId: place.organisationId, catalogue })).toEqual([]);
    // One target for the exercise's clickers, not one per person.
    const targets = await loadAssignmentTargets(testDb.db, {
      organisationId: place.organisationId,
      catalogue,
      asOf: afterWindow,
    });
    expect(targets).toHaveLength(1);
    expect(new Set(targets[0]!.userIds)).toEqual(new Set([first!.id, second!.id]));
    const list = await listLearners(testDb.db, {
      organisationId: place.organisationId,
      catalogue,
      asOf: afterWindow,
      filters: {},
    });
    const byId = new Map(list.rows.map((row) => [row.userId, row]));
    expect(byId.get(first!.id)).toMatchObject({ assignedCount: 1, status: "not_started" });
    expect(byId.get(second!.id)).toMatchObject({ assignedCount: 1, status: "not_started" });
    expect(byId.get(third!.id)).toMatchObject({ assignedCount: 0, status: null });
  });

  it("assigns nothing more on a click in a second exercise, and nothing when the exercise says not to", async () => {
    const place = await establishment(1);
    const [person] = place.staff;
    const now = new Date(afterWindow.getTime() + 60_000);
    const first = await sentExercise(place);
    await recordHumanClick(testDb.db, { token: first.tokens.get(person!.id)!, now });
    const second = await sentExercise(place);
    await recordHumanClick(testDb.db, { token: second.tokens.get(person!.id)!, now });
    const rows = await testDb.db
      .select()
      .from(assignments)
      .where(and(eq(assignments.organisationId, place.organisationId), isNotNull(assignments.userId)));
    expect(rows).toHaveLength(1);

    const quiet = await establishment(1);
    const exercise = await sentExercise(quiet, false);
    await recordHumanClick(testDb.db, { token: exercise.tokens.get(quiet.staff[0]!.id)!, now });
    const [recipient] = await testDb.db
      .select()
      .from(phishingRecipients)
      .where(
        and(eq(phishingRecipients.exerciseId, exercise.exercise.id), eq(phishingRecipients.userId, quiet.staff[0]!.id)),
      );
    expect(recipient).toMatchObject({ clickedAt: now, moduleAssignedAt: null });
    expect(await ownAssignments(quiet.organisationId, quiet.staff[0]!.id)).toEqual([]);
  });

  it("is in the person's export, and goes with their erasure", async () => {
    const place = await establishment(1);
    const [person] = place.staff;
    const { tokens } = await sentExercise(place);
    await recordHumanClick(testDb.db, {
      token: tokens.get(person!.id)!,
      now: new Date(afterWindow.getTime() + 60_000),
    });

    const data = await exportPersonalData(testDb.db, person!.id);
    expect(data.ownAssignments).toEqual([
      expect.objectContaining({ subjectType: "module", subjectId: PHISHING_MODULE_ID, dueOn: "2027-01-31" }),
    ]);
    expect(data.phishingExercises).toEqual([expect.objectContaining({ scenarioId: "colis-pharmacie-pui" })]);

    const admin = await createUser(testDb.db, { organisationId: centre, role: "admin" });
    await erasePersonalData(testDb.db, { actor: (await signedInActor(testDb.db, admin.id))!, userId: person!.id });
    expect(await testDb.db.select().from(assignments).where(eq(assignments.userId, person!.id))).toEqual([]);
  });
});
