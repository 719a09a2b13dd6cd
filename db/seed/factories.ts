import { randomUUID } from "node:crypto";
import type { Db } from "../client";
import {
  type OrganisationKind,
  type Role,
  memberships,
  organisations,
  passwordCredentials,
  teams,
  users,
} from "../schema";
import { hashPassword } from "@/lib/auth/password";

/** A short unique suffix, so that every factory call makes distinct names and e-mails. */
export function uniqueSuffix(): string {
  return randomUUID().slice(0, 8);
}

export type CreateOrganisationOptions = {
  name?: string;
  slug?: string;
  kind?: OrganisationKind;
  parentId?: string | null;
};

export async function createOrganisation(db: Db, options: CreateOrganisationOptions = {}) {
  const suffix = uniqueSuffix();
  const [organisation] = await db
    .insert(organisations)
    .values({
      name: options.name ?? `Établissement ${suffix}`,
      slug: options.slug ?? `etablissement-${suffix}`,
      kind: options.kind ?? "establishment",
      parentId: options.parentId ?? null,
    })
    .returning();

  return organisation!;
}

export async function createTeam(db: Db, options: { organisationId: string; name?: string }) {
  const [team] = await db
    .insert(teams)
    .values({ organisationId: options.organisationId, name: options.name ?? `Service ${uniqueSuffix()}` })
    .returning();

  return team!;
}

export type CreateUserOptions = {
  name?: string;
  email?: string;
  password?: string;
  organisationId?: string;
  role?: Role;
  teamId?: string | null;
};

/** A user, with a password and a membership when asked for. */
export async function createUser(db: Db, options: CreateUserOptions = {}) {
  const suffix = uniqueSuffix();
  const [user] = await db
    .insert(users)
    .values({
      name: options.name ?? `Agent ${suffix}`,
      email: (options.email ?? `agent-${suffix}@vigie.test`).toLowerCase(),
    })
    .returning();
  if (options.password) {
    await db
      .insert(passwordCredentials)
      .values({ userId: user!.id, passwordHash: await hashPassword(options.password) });
  }
  if (options.organisationId) {
    await db.insert(memberships).values({
      userId: user!.id,
      organisationId: options.organisationId,
      role: options.role ?? "learner",
      teamId: options.teamId ?? null,
    });
  }

  return user!;
}
