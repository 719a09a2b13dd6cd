import { and, eq } from "drizzle-orm";
import type { Db } from "../client";
import { memberships, moduleProgress, phishingExercises, phishingRecipients, users } from "../schema";
import type { Catalogue } from "@/lib/courses/types";
import { PHISHING_MODULE_ID } from "@/lib/phishing/phishing-module";
import { upsertTeam } from "./demo";

/**
 * A finished exercise in each establishment of the end-to-end data set, for the results page
 * and the authorization matrix: window from E2E_EXERCISE.windowStartsOn, fixed ids so that
 * seeding again changes nothing. In the demo establishment (A), 18 people in four services made
 * for it: two of 6 and 7 people shown on their own, two of 3 and 2 merged into one row of 5.
 */
export const E2E_EXERCISE = {
  scenarioId: "fournisseur-rib",
  scenarioTitle: "Nouvelles coordonnées bancaires d'un fournisseur",
  windowStartsOn: "2026-10-05",
  ids: {
    a: "5e1f0a00-0000-4000-8000-00000000000a",
    b: "5e1f0a00-0000-4000-8000-00000000000b",
    c: "5e1f0a00-0000-4000-8000-00000000000c",
  },
} as const;

const FIRST_SENT = Date.parse("2026-10-05T07:00:00Z"); // 9:00 in Paris
const minutes = (n: number) => new Date(FIRST_SENT + n * 60_000);

/**
 * Each person of A's exercise: service, whether the message was delivered, opened by a scanner
 * only, clicked, reported (minutes after the first message), and whether the phishing module was
 * completed after the message (after the click, for those who clicked).
 */
type Outcome = { delivered?: false; automatic?: true; clicked?: true; reportedAfter?: number; module?: true };
const SERVICES: Array<{ name: string; outcomes: Outcome[] }> = [
  {
    name: "Bloc opératoire (exercice e2e)",
    outcomes: [
      { clicked: true, module: true },
      { clicked: true },
      { reportedAfter: 45 },
      { automatic: true },
      { module: true },
      {},
    ],
  },
  {
    name: "Cuisine centrale (exercice e2e)",
    outcomes: [
      { clicked: true, module: true },
      { reportedAfter: 130 },
      { reportedAfter: 200 },
      { delivered: false },
      {},
      {},
      {},
    ],
  },
  { name: "Laboratoire (exercice e2e)", outcomes: [{ clicked: true }, {}, {}] },
  { name: "Standard (exercice e2e)", outcomes: [{}, {}] },
];

export async function seedE2ePhishing(
  db: Db,
  catalogue: Catalogue,
  establishments: { establishmentA: string; establishmentB: string; establishmentC: string },
): Promise<void> {
  const { establishmentA, establishmentB, establishmentC } = establishments;
  const moduleVersion = catalogue.moduleById.get(PHISHING_MODULE_ID)?.version ?? 1;
  const people: Array<{ userId: string; teamId: string; outcome: Outcome }> = [];
  let n = 0;
  for (const service of SERVICES) {
    const teamId = await upsertTeam(db, establishmentA, service.name);
    for (const outcome of service.outcomes) {
      n += 1;
      const userId = await upsertLearner(db, establishmentA, teamId, n);
      people.push({ userId, teamId, outcome });
    }
  }
  await seedExercise(db, moduleVersion, E2E_EXERCISE.ids.a, establishmentA, people);
  // B and C: one exercise each, so that the matrix has their ids too.
  for (const [id, organisationId] of [
    [E2E_EXERCISE.ids.b, establishmentB],
    [E2E_EXERCISE.ids.c, establishmentC],
  ] as const) {
    const [member] = await db
      .select({ userId: memberships.userId, teamId: memberships.teamId })
      .from(memberships)
      .where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, "learner")))
      .limit(1);
    await seedExercise(
      db,
      moduleVersion,
      id,
      organisationId,
      member ? [{ ...member, outcome: { clicked: true } }] : [],
    );
  }
}

async function seedExercise(
  db: Db,
  moduleVersion: number,
  id: string,
  organisationId: string,
  people: Array<{ userId: string; teamId: string | null; outcome: Outcome }>,
): Promise<void> {
  const launchedAt = minutes(-60);
  const inserted = await db
    .insert(phishingExercises)
    .values({
      id,
      organisationId,
      scenarioId: E2E_EXERCISE.scenarioId,
      windowStartsOn: E2E_EXERCISE.windowStartsOn,
      workingDays: 1,
      state: "done",
      assignModuleOnClick: true,
      staffInformedAt: launchedAt,
      launchedAt,
      endedAt: minutes(480),
      createdAt: launchedAt,
    })
    .onConflictDoNothing()
    .returning({ id: phishingExercises.id });
  if (inserted.length === 0) return;

  for (const [index, { userId, teamId, outcome }] of people.entries()) {
    const sentAt = minutes(index);
    const clickedAt = outcome.clicked ? minutes(index + 10) : null;
    await db
      .insert(phishingRecipients)
      .values({
        exerciseId: id,
        organisationId,
        userId,
        teamId,
        plannedAt: sentAt,
        sentAt,
        deliveredAt: outcome.delivered === false ? null : sentAt,
        sendError: outcome.delivered === false ? "seeded failure" : null,
        automaticOpens: outcome.automatic || outcome.clicked ? 1 : 0,
        clickedAt,
        reportedAt: outcome.reportedAfter === undefined ? null : minutes(outcome.reportedAfter),
        moduleAssignedAt: clickedAt,
      })
      .onConflictDoNothing();
    if (outcome.module)
      await completePhishingModule(db, { userId, organisationId, moduleVersion, at: minutes(index + 60) });
  }
}

async function upsertLearner(db: Db, organisationId: string, teamId: string, n: number): Promise<string> {
  const email = `exercice-${n}@vigie.test`;
  await db
    .insert(users)
    .values({ email, name: `Agent exercice ${n}`, emailVerified: new Date() })
    .onConflictDoNothing({ target: users.email });
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  await db
    .insert(memberships)
    .values({ userId: user!.id, organisationId, role: "learner", teamId })
    .onConflictDoNothing();

  return user!.id;
}

async function completePhishingModule(
  db: Db,
  {
    userId,
    organisationId,
    moduleVersion,
    at,
  }: { userId: string; organisationId: string; moduleVersion: number; at: Date },
): Promise<void> {
  await db
    .insert(moduleProgress)
    .values({
      userId,
      moduleId: PHISHING_MODULE_ID,
      organisationId,
      moduleVersion,
      bestScore: 100,
      quizPassedAt: at,
      reachedEndAt: at,
      completedAt: at,
      completedVersion: moduleVersion,
      lastFinishAt: at,
      lastCompletedAt: at,
      startedAt: new Date(at.getTime() - 420_000),
      lastActivityAt: at,
    })
    .onConflictDoNothing();
}
