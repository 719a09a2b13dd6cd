import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, memberships, organisationSso, users } from "@/db/schema";
import { type RequestOrigin, recordAudit } from "@/lib/audit/record-audit";
import { checkPersonName } from "@/lib/people/person-name";
import { type AccountCreationPolicy, NO_ACCOUNT_CREATION, mayCreateAccount, trustedEmail } from "./account-creation";

/**
 * A person as an identity provider vouches for them; (issuer, subject) is what identifies them.
 * `structureIds`: the FINESS/SIRET of their activities, for Pro Santé Connect only (else empty).
 */
export type SsoIdentity = {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  structureIds: string[];
};

export type SsoRefusal = "inactive" | "not_member" | "other_establishment" | "link_required" | "no_account";

export type LinkSsoIdentityResult =
  | {
      status: "signed_in";
      user: { id: string; name: string | null; email: string | null };
      how: "known" | "linked" | "created";
    }
  | { status: "refused"; reason: SsoRefusal };

export type LinkSsoIdentityOptions = { organisationId: string; identity: SsoIdentity; origin?: RequestOrigin };

type UserRow = {
  id: string;
  name: string | null;
  email: string | null;
  isActive: boolean;
  createdBySsoIssuer: string | null;
};

const userColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  isActive: users.isActive,
  createdBySsoIssuer: users.createdBySsoIssuer,
};

async function membershipsOf(db: Db, userId: string) {
  return db
    .select({ organisationId: memberships.organisationId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, userId));
}

async function creationPolicy(db: Db, organisationId: string): Promise<AccountCreationPolicy> {
  const [row] = await db
    .select({
      accountCreation: organisationSso.accountCreation,
      isProSanteConnect: organisationSso.isProSanteConnect,
      allowedEmailDomains: organisationSso.allowedEmailDomains,
      structureIds: organisationSso.structureIds,
    })
    .from(organisationSso)
    .where(eq(organisationSso.organisationId, organisationId));

  return row ?? NO_ACCOUNT_CREATION;
}

/**
 * Whether a provider's identity may be linked to this account without the person's word: the
 * account is a learner here and holds no other role anywhere (no manager, no platform admin),
 * and either was created by this same provider or belongs to this establishment only.
 */
function linkableAutomatically(
  user: UserRow,
  roles: { organisationId: string; role: string }[],
  organisationId: string,
  issuer: string,
): SsoRefusal | null {
  if (!roles.some((m) => m.organisationId === organisationId)) return "other_establishment";
  if (roles.some((m) => m.role !== "learner")) return "link_required";
  if (user.createdBySsoIssuer === issuer || roles.length === 1) return null;

  return "link_required";
}

/**
 * Decides who an identity provider's user is in this establishment, and records it (audited):
 * - a known identity signs in its user, if still active and still a member here;
 * - a verified e-mail links the identity to its account only as linkableAutomatically allows;
 *   any other existing account is refused (its owner links the identity from "Mon compte");
 * - an unknown person gets a learner account only as the establishment's settings allow
 *   (mayCreateAccount), keeping the e-mail only for a domain the platform admins allowed.
 */
export async function linkSsoIdentity(
  db: Db,
  { organisationId, identity, origin }: LinkSsoIdentityOptions,
): Promise<LinkSsoIdentityResult> {
  const audit = { organisationId, origin };
  const refuse = async (reason: SsoRefusal, userId: string | null): Promise<LinkSsoIdentityResult> => {
    await recordAudit(db, {
      ...audit,
      action: "sign_in.failed",
      actorUserId: userId,
      targetType: "sso_subject",
      targetId: identity.subject,
      details: { method: "sso", issuer: identity.issuer, reason },
    });
    return { status: "refused", reason };
  };
  const succeed = async (user: UserRow, how: "known" | "linked" | "created"): Promise<LinkSsoIdentityResult> => {
    await recordAudit(db, {
      ...audit,
      action: "sign_in.succeeded",
      actorUserId: user.id,
      details: { method: "sso", issuer: identity.issuer, how },
    });
    const name = await followProviderName(db, user, identity, organisationId);
    return { status: "signed_in", user: { id: user.id, name, email: user.email }, how };
  };

  const [known] = await db
    .select(userColumns)
    .from(accounts)
    .innerJoin(users, eq(users.id, accounts.userId))
    .where(and(eq(accounts.provider, identity.issuer), eq(accounts.providerAccountId, identity.subject)));
  if (known) {
    if (!known.isActive) return refuse("inactive", known.id);
    if (!(await membershipsOf(db, known.id)).some((m) => m.organisationId === organisationId))
      return refuse("not_member", known.id);
    return succeed(known, "known");
  }

  const [byEmail] = identity.email
    ? await db.select(userColumns).from(users).where(eq(users.email, identity.email))
    : [];
  if (byEmail && identity.emailVerified) {
    const refusal = linkableAutomatically(
      byEmail,
      await membershipsOf(db, byEmail.id),
      organisationId,
      identity.issuer,
    );
    if (refusal) return refuse(refusal, byEmail.id);
    if (!byEmail.isActive) return refuse("inactive", byEmail.id);
    await db.transaction(async (tx) => {
      await tx
        .insert(accounts)
        .values({ userId: byEmail.id, type: "oidc", provider: identity.issuer, providerAccountId: identity.subject });
      await recordAudit(tx, {
        ...audit,
        action: "sso.identity_linked",
        actorUserId: byEmail.id,
        targetType: "sso_subject",
        targetId: identity.subject,
        details: { issuer: identity.issuer, how: "automatic" },
      });
    });
    return succeed(byEmail, "linked");
  }

  const policy = await creationPolicy(db, organisationId);
  if (!mayCreateAccount(policy, identity)) return refuse("no_account", null);
  // An address already in use, or not vouched for, is not kept: it may be someone else's.
  const email = byEmail ? null : trustedEmail(policy, identity);
  const created = await db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({
        name: identity.name ?? email ?? "Agent",
        email,
        emailVerified: email ? new Date() : null,
        createdBySsoIssuer: identity.issuer,
        createdBySsoOrganisationId: organisationId,
      })
      .returning(userColumns);
    await tx.insert(memberships).values({ userId: user!.id, organisationId, role: "learner" });
    await tx
      .insert(accounts)
      .values({ userId: user!.id, type: "oidc", provider: identity.issuer, providerAccountId: identity.subject });
    await recordAudit(tx, {
      ...audit,
      action: "sso.user_created",
      actorUserId: user!.id,
      targetType: "user",
      targetId: user!.id,
      details: { issuer: identity.issuer, rule: policy.accountCreation },
    });

    return user!;
  });

  return succeed(created, "created");
}

/**
 * An account linked to a provider carries the name the provider sends, updated at each sign-in
 * (audited with the old and the new name). A name the provider leaves out, or that fails the
 * rule every name passes (complete-sso.ts checked it), leaves the account's name as it was.
 */
async function followProviderName(
  db: Db,
  user: UserRow,
  identity: SsoIdentity,
  organisationId: string,
): Promise<string | null> {
  const checked = identity.name ? checkPersonName(identity.name) : null;
  if (!checked?.ok || checked.name === user.name) return user.name;
  await db.transaction(async (tx) => {
    await tx.update(users).set({ name: checked.name, updatedAt: new Date() }).where(eq(users.id, user.id));
    await recordAudit(tx, {
      action: "account.renamed",
      actorUserId: user.id,
      organisationId,
      targetType: "user",
      targetId: user.id,
      details: { from: user.name, to: checked.name, by: "sso", issuer: identity.issuer },
    });
  });

  return checked.name;
}
