import { and, eq } from "drizzle-orm";
import type { Db } from "../client";
import { assignments, memberships, moduleProgress, organisations, passwordCredentials, teams, users } from "../schema";
import { DEMO_ESTABLISHMENT_SLUG, DEMO_PASSWORD } from "./demo";
import { hashPassword } from "@/lib/auth/password";

/** A due date long gone: the reminders e2e test needs late learners, which the assignment form cannot make. */
const PAST_DUE_ON = "2025-01-15";

/**
 * For the reminders end-to-end test, per group (project): a team "Relances e2e <group>" of the
 * demo establishment with the module cles-usb assigned before PAST_DUE_ON, one learner who is
 * late (relance-late-<group>@vigie.test) and one who completed it (relance-done-<group>@vigie.test).
 * Only this team is assigned, so no other test's learners turn late. Idempotent.
 */
export async function seedE2eReminderLearners(db: Db, groups: string[]): Promise<void> {
  const [establishment] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.slug, DEMO_ESTABLISHMENT_SLUG));
  if (!establishment) throw new Error("Run the demo seed first.");
  const organisationId = establishment.id;
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  for (const group of groups) {
    const name = `Relances e2e ${group}`;
    await db.insert(teams).values({ organisationId, name }).onConflictDoNothing();
    const [team] = await db
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.organisationId, organisationId), eq(teams.name, name)));
    const [assigned] = await db
      .select({ id: assignments.id })
      .from(assignments)
      .where(and(eq(assignments.organisationId, organisationId), eq(assignments.teamId, team!.id)));
    if (!assigned)
      await db
        .insert(assignments)
        .values({ organisationId, teamId: team!.id, subjectType: "module", subjectId: "cles-usb", dueOn: PAST_DUE_ON });

    for (const kind of ["late", "done"] as const) {
      const email = `relance-${kind}-${group}@vigie.test`;
      await db
        .insert(users)
        .values({
          email,
          name: `Relance ${kind === "late" ? "en retard" : "terminé"} ${group}`,
          emailVerified: new Date(),
        })
        .onConflictDoNothing({ target: users.email });
      const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
      await db.insert(passwordCredentials).values({ userId: user!.id, passwordHash }).onConflictDoNothing();
      await db
        .insert(memberships)
        .values({ userId: user!.id, organisationId, role: "learner", teamId: team!.id })
        .onConflictDoNothing();
      if (kind === "done") {
        const at = new Date("2025-01-10T09:00:00Z");
        await db
          .insert(moduleProgress)
          .values({
            userId: user!.id,
            moduleId: "cles-usb",
            organisationId,
            moduleVersion: 1,
            bestScore: 100,
            quizPassedAt: at,
            reachedEndAt: at,
            completedAt: at,
            completedVersion: 1,
            startedAt: at,
            lastActivityAt: at,
          })
          .onConflictDoNothing();
      }
    }
  }
}
