import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../client";
import {
  type Role,
  assignments,
  memberships,
  moduleProgress,
  organisations,
  passwordCredentials,
  users,
} from "../schema";
import { hashPassword } from "@/lib/auth/password";
import { issueCertificates } from "@/lib/certificates/issue-certificates";
import type { Catalogue } from "@/lib/courses/types";
import { DEMO_CENTRE_SLUG, DEMO_ESTABLISHMENT_SLUG, DEMO_PASSWORD, upsertTeam } from "./demo";

/** The second establishment of the end-to-end data set, under the same centre as the demo one. */
export const E2E_SECOND_ESTABLISHMENT = { slug: "ehpad-les-cigales-demo", name: "EHPAD Les Cigales (démo)" } as const;

/**
 * Another centre of the same instance (a second region on one Vigie), with one establishment: its
 * admin is the matrix's "admin of another centre", who must reach nothing of the demo centre.
 */
export const E2E_OTHER_CENTRE = { slug: "centre-voisin-demo", name: "Centre régional voisin (démo)" } as const;
export const E2E_OTHER_ESTABLISHMENT = {
  slug: "clinique-du-littoral-demo",
  name: "Clinique du Littoral (démo)",
} as const;

/** Who and what the authorization matrix (tests/e2e/authorization) works with, in each establishment. */
export const E2E_MATRIX = {
  a: {
    team: "Pharmacie",
    learner: { email: "pharmacienne@vigie.test", name: "Hélène Marchand" },
    subject: { type: "module", id: "cles-usb" },
    dueOn: "2031-06-30",
  },
  b: {
    team: "Unité Les Cigales",
    manager: { email: "rssi-ehpad@vigie.test", name: "Nadia Roux" },
    learner: { email: "soignant-ehpad@vigie.test", name: "Lucas Petit" },
    subject: { type: "path", id: "bonnes-pratiques" },
    dueOn: "2031-06-30",
    incidentContact: { name: "Nadia Roux", phone: "04 65 71 30 30", email: "rssi-ehpad@vigie.test" },
  },
  /** The establishment of the other centre, managed by that centre's admin only. */
  c: {
    team: "Service Littoral",
    admin: { email: "admin-voisin@vigie.test", name: "Paul Girard" },
    learner: { email: "soignant-littoral@vigie.test", name: "Inès Moreau" },
    subject: { type: "module", id: "cles-usb" },
    dueOn: "2031-06-30",
  },
} as const;

const COMPLETED_AT = new Date("2026-10-05T09:30:00Z");

/**
 * For the end-to-end tests only (`db:seed -- --e2e-learners=N`): a second establishment under
 * the demo centre with its own manager, team, learner with a completed module and certificate,
 * incident contact and assignment, and the same kinds of objects in the demo establishment, so
 * that every object of one has a counterpart in the other. Run after seedDemo; running it again
 * changes nothing.
 */
export async function seedE2eEstablishments(
  db: Db,
  catalogue: Catalogue,
): Promise<{ establishmentA: string; establishmentB: string; otherCentre: string; establishmentC: string }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  return db.transaction(async (tx) => {
    const [centre] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.slug, DEMO_CENTRE_SLUG));
    const [establishmentA] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.slug, DEMO_ESTABLISHMENT_SLUG));
    if (!centre || !establishmentA) throw new Error("Run the demo seed first.");
    await tx
      .insert(organisations)
      .values({ ...E2E_SECOND_ESTABLISHMENT, kind: "establishment", parentId: centre.id })
      .onConflictDoNothing({ target: organisations.slug });
    const [establishmentB] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.slug, E2E_SECOND_ESTABLISHMENT.slug));
    const { a, b } = E2E_MATRIX;
    const contact = b.incidentContact;
    await tx
      .update(organisations)
      .set({
        incidentContactName: contact.name,
        incidentContactPhone: contact.phone,
        incidentContactEmail: contact.email,
        incidentContactUpdatedAt: new Date(),
      })
      .where(and(eq(organisations.id, establishmentB!.id), isNull(organisations.incidentContactUpdatedAt)));

    const teamA = await upsertTeam(tx, establishmentA.id, a.team);
    const teamB = await upsertTeam(tx, establishmentB!.id, b.team);
    await upsertAccount(tx, passwordHash, {
      ...b.manager,
      organisationId: establishmentB!.id,
      role: "manager",
      teamId: null,
    });
    const learnerA = await upsertAccount(tx, passwordHash, {
      ...a.learner,
      organisationId: establishmentA.id,
      role: "learner",
      teamId: teamA,
    });
    const learnerB = await upsertAccount(tx, passwordHash, {
      ...b.learner,
      organisationId: establishmentB!.id,
      role: "learner",
      teamId: teamB,
    });
    await completeModule(tx, catalogue, learnerA, establishmentA.id, "cles-usb");
    await completeModule(tx, catalogue, learnerB, establishmentB!.id, "cles-usb");
    await ensureAssignment(tx, {
      organisationId: establishmentA.id,
      teamId: teamA,
      subjectType: a.subject.type,
      subjectId: a.subject.id,
      dueOn: a.dueOn,
    });
    await ensureAssignment(tx, {
      organisationId: establishmentB!.id,
      teamId: null,
      subjectType: b.subject.type,
      subjectId: b.subject.id,
      dueOn: b.dueOn,
    });
    const { otherCentre, establishmentC } = await seedOtherCentre(tx, catalogue, passwordHash);

    return { establishmentA: establishmentA.id, establishmentB: establishmentB!.id, otherCentre, establishmentC };
  });
}

/** The other centre, its admin, and its establishment with a team, a learner with a certificate and an assignment. */
async function seedOtherCentre(
  tx: Db,
  catalogue: Catalogue,
  passwordHash: string,
): Promise<{ otherCentre: string; establishmentC: string }> {
  const { c } = E2E_MATRIX;
  await tx
    .insert(organisations)
    .values({ ...E2E_OTHER_CENTRE, kind: "centre", parentId: null })
    .onConflictDoNothing({ target: organisations.slug });
  const [centre] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.slug, E2E_OTHER_CENTRE.slug));
  await tx
    .insert(organisations)
    .values({ ...E2E_OTHER_ESTABLISHMENT, kind: "establishment", parentId: centre!.id })
    .onConflictDoNothing({ target: organisations.slug });
  const [establishment] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.slug, E2E_OTHER_ESTABLISHMENT.slug));
  const team = await upsertTeam(tx, establishment!.id, c.team);
  await upsertAccount(tx, passwordHash, { ...c.admin, organisationId: centre!.id, role: "admin", teamId: null });
  const learner = await upsertAccount(tx, passwordHash, {
    ...c.learner,
    organisationId: establishment!.id,
    role: "learner",
    teamId: team,
  });
  await completeModule(tx, catalogue, learner, establishment!.id, "cles-usb");
  await ensureAssignment(tx, {
    organisationId: establishment!.id,
    teamId: null,
    subjectType: c.subject.type,
    subjectId: c.subject.id,
    dueOn: c.dueOn,
  });

  return { otherCentre: centre!.id, establishmentC: establishment!.id };
}

type AccountSeed = { email: string; name: string; organisationId: string; role: Role; teamId: string | null };

async function upsertAccount(db: Db, passwordHash: string, account: AccountSeed): Promise<string> {
  await db
    .insert(users)
    .values({ email: account.email, name: account.name, emailVerified: new Date() })
    .onConflictDoNothing({ target: users.email });
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, account.email));
  await db.insert(passwordCredentials).values({ userId: user!.id, passwordHash }).onConflictDoNothing();
  await db
    .insert(memberships)
    .values({ userId: user!.id, organisationId: account.organisationId, role: account.role, teamId: account.teamId })
    .onConflictDoNothing();

  return user!.id;
}

// A finished module as the player would leave it, then the certificate it earns (issued once).
async function completeModule(
  db: Db,
  catalogue: Catalogue,
  userId: string,
  organisationId: string,
  moduleId: string,
): Promise<void> {
  const module = catalogue.moduleById.get(moduleId);
  if (!module) throw new Error(`Unknown module ${moduleId}`);
  const last = module.steps.length - 1;
  await db
    .insert(moduleProgress)
    .values({
      userId,
      moduleId,
      organisationId,
      moduleVersion: module.version,
      furthestStepIndex: last,
      lastStepId: module.steps[last]!.id,
      lastStepIndex: last,
      bestScore: 100,
      quizPassedAt: COMPLETED_AT,
      reachedEndAt: COMPLETED_AT,
      completedAt: COMPLETED_AT,
      completedVersion: module.version,
      timeSpentSeconds: 420,
      startedAt: new Date(COMPLETED_AT.getTime() - 420_000),
      lastActivityAt: COMPLETED_AT,
    })
    .onConflictDoNothing();
  await issueCertificates(db, { learner: { userId, organisationId }, catalogue });
}

type AssignmentSeed = {
  organisationId: string;
  teamId: string | null;
  subjectType: "module" | "path";
  subjectId: string;
  dueOn: string;
};

async function ensureAssignment(db: Db, values: AssignmentSeed): Promise<void> {
  const team = values.teamId ? eq(assignments.teamId, values.teamId) : isNull(assignments.teamId);
  const [existing] = await db
    .select({ id: assignments.id })
    .from(assignments)
    .where(
      and(
        eq(assignments.organisationId, values.organisationId),
        team,
        eq(assignments.subjectType, values.subjectType),
        eq(assignments.subjectId, values.subjectId),
        eq(assignments.dueOn, values.dueOn),
      ),
    );
  if (!existing) await db.insert(assignments).values(values);
}
