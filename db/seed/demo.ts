import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../client";
import { type Role, memberships, organisations, passwordCredentials, teams, users } from "../schema";
import { hashPassword } from "@/lib/auth/password";

/** The demo password of every seeded account (at least 12 characters, not a common one). */
export const DEMO_PASSWORD = "vigie-demo-2026";

/**
 * The TOTP secret (base32) of every seeded manager and admin, published like the password: add it
 * to an authenticator app, or compute codes with otpauth, to pass their second factor.
 */
export const DEMO_TOTP_SECRET = "VIGIEDEMOVIGIEDEMOVIGIEDEMOVIGIE";

export const DEMO_CENTRE_SLUG = "centre-regional-demo";
export const DEMO_ESTABLISHMENT_SLUG = "ch-des-calanques-demo";

type DemoAccount = { email: string; name: string; role: Role; team?: "urgences" | "admissions"; description: string };

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: "admin@vigie.test",
    name: "Alain Fabre",
    role: "admin",
    description: "administrateur de la plateforme (centre régional)",
  },
  {
    email: "rssi@vigie.test",
    name: "Claire Martin",
    role: "manager",
    description: "RSSI du Centre hospitalier des Calanques",
  },
  {
    email: "infirmiere@vigie.test",
    name: "Françoise Lefèvre-Nguyễn",
    role: "learner",
    team: "urgences",
    description: "infirmière, service des urgences",
  },
  {
    email: "aide-soignant@vigie.test",
    name: "Karim Benali",
    role: "learner",
    team: "urgences",
    description: "aide-soignant, service des urgences",
  },
  {
    email: "secretaire@vigie.test",
    name: "Zoë Œuvray",
    role: "learner",
    team: "admissions",
    description: "secrétaire médicale, accueil et admissions",
  },
];

/** The RSSI shown first on the incident page: 04 65 71 xx xx is a range set aside for fiction. */
export const DEMO_INCIDENT_CONTACT = {
  name: "Claire Martin",
  phone: "04 65 71 20 26",
  email: "rssi@vigie.test",
} as const;

const TEAM_NAMES = { urgences: "Service des urgences", admissions: "Accueil et admissions" } as const;

export type DemoSeedResult = { centreId: string; establishmentId: string; created: number };

/**
 * Makes the demo centre, establishment, two teams and accounts. Running it again changes
 * nothing: every row is found by its natural key before anything is inserted.
 */
export async function seedDemo(db: Db): Promise<DemoSeedResult> {
  return db.transaction(async (tx) => {
    const centreId = await upsertOrganisation(tx, {
      slug: DEMO_CENTRE_SLUG,
      name: "Centre régional de ressources en cybersécurité (démo)",
      kind: "centre",
      parentId: null,
    });
    const establishmentId = await upsertOrganisation(tx, {
      slug: DEMO_ESTABLISHMENT_SLUG,
      name: "Centre hospitalier des Calanques (démo)",
      kind: "establishment",
      parentId: centreId,
    });
    await setDemoIncidentContact(tx, establishmentId);
    const teamIds = {
      urgences: await upsertTeam(tx, establishmentId, TEAM_NAMES.urgences),
      admissions: await upsertTeam(tx, establishmentId, TEAM_NAMES.admissions),
    };

    const passwordHash = await hashPassword(DEMO_PASSWORD);
    let created = 0;
    for (const account of DEMO_ACCOUNTS) {
      const inserted = await tx
        .insert(users)
        .values({ email: account.email, name: account.name, emailVerified: new Date() })
        .onConflictDoNothing({ target: users.email })
        .returning({ id: users.id });
      const userId =
        inserted[0]?.id ?? (await tx.select({ id: users.id }).from(users).where(eq(users.email, account.email)))[0]!.id;
      if (inserted.length > 0) created += 1;

      await tx.insert(passwordCredentials).values({ userId, passwordHash }).onConflictDoNothing();
      await tx
        .insert(memberships)
        .values({
          userId,
          organisationId: account.role === "admin" ? centreId : establishmentId,
          role: account.role,
          teamId: account.team ? teamIds[account.team] : null,
        })
        .onConflictDoNothing();
    }

    return { centreId, establishmentId, created };
  });
}

type OrganisationSeed = typeof organisations.$inferInsert & { slug: string };

async function upsertOrganisation(db: Db, values: OrganisationSeed): Promise<string> {
  await db.insert(organisations).values(values).onConflictDoNothing({ target: organisations.slug });
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.slug, values.slug));

  return row!.id;
}

// Only while the establishment has never had a contact: a manager's change, or removal, stays.
async function setDemoIncidentContact(db: Db, organisationId: string): Promise<void> {
  await db
    .update(organisations)
    .set({
      incidentContactName: DEMO_INCIDENT_CONTACT.name,
      incidentContactPhone: DEMO_INCIDENT_CONTACT.phone,
      incidentContactEmail: DEMO_INCIDENT_CONTACT.email,
      incidentContactUpdatedAt: new Date(),
    })
    .where(and(eq(organisations.id, organisationId), isNull(organisations.incidentContactUpdatedAt)));
}

/** The id of the establishment's team of that name, made if missing (seeding again changes nothing). */
export async function upsertTeam(db: Db, organisationId: string, name: string): Promise<string> {
  await db.insert(teams).values({ organisationId, name }).onConflictDoNothing();
  const [row] = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.organisationId, organisationId), eq(teams.name, name)));

  return row!.id;
}

/** Accounts for the end-to-end tests, one per test: e2e-<group>-<n>@vigie.test, learners of the demo establishment. */
export async function seedE2eLearners(db: Db, groups: string[], perGroup: number): Promise<void> {
  const [establishment] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.slug, DEMO_ESTABLISHMENT_SLUG));
  if (!establishment) throw new Error("Run the demo seed first.");
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const group of groups) {
    const values = Array.from({ length: perGroup }, (_, i) => ({
      email: `e2e-${group}-${i + 1}@vigie.test`,
      name: `Apprenant ${group} ${i + 1}`,
      emailVerified: new Date(),
    }));
    const rows = await db
      .insert(users)
      .values(values)
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (rows.length === 0) continue;
    await db
      .insert(passwordCredentials)
      .values(rows.map((row) => ({ userId: row.id, passwordHash })))
      .onConflictDoNothing();
    await db
      .insert(memberships)
      .values(rows.map((row) => ({ userId: row.id, organisationId: establishment.id, role: "learner" as const })))
      .onConflictDoNothing();
  }
}
