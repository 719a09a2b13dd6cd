import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, memberships, users } from "@/db/schema";
import { type RequestOrigin, recordAudit } from "@/lib/audit/record-audit";

/** A person as an identity provider vouches for them; (issuer, subject) is what identifies them. */
export type SsoIdentity = { issuer: string; subject: string; email: string | null; emailVerified: boolean; name: string | null };

export type SsoRefusal = "inactive" | "not_member" | "other_establishment";

export type LinkSsoIdentityResult =
  | { status: "signed_in"; user: { id: string; name: string | null; email: string | null }; how: "known" | "linked" | "created" }
  | { status: "refused"; reason: SsoRefusal };

export type LinkSsoIdentityOptions = { organisationId: string; identity: SsoIdentity; origin?: RequestOrigin };

type UserRow = { id: string; name: string | null; email: string | null; isActive: boolean };

async function membershipOf(db: Db, userId: string, organisationId: string): Promise<boolean> {
  const [row] = await db.select({ id: memberships.id }).from(memberships).where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId)));

  return !!row;
}

/**
 * Decides who an identity provider's user is in this establishment, and records it (audited):
 * - a known identity signs in its user, if still active and still a member here;
 * - else a verified e-mail of an active member here links the identity to that member;
 * - a verified e-mail of anyone who is not a member here is refused: no account, no link;
 * - otherwise a learner of this establishment is created, with the provider's name and e-mail.
 * The identity is the provider's issuer (accounts.provider) and subject (provider_account_id).
 */
export async function linkSsoIdentity(db: Db, { organisationId, identity, origin }: LinkSsoIdentityOptions): Promise<LinkSsoIdentityResult> {
  const audit = { organisationId, origin };
  const refuse = async (reason: SsoRefusal, userId: string | null): Promise<LinkSsoIdentityResult> => {
    await recordAudit(db, { ...audit, action: "sign_in.failed", actorUserId: userId, targetType: "sso_subject", targetId: identity.subject, details: { method: "sso", issuer: identity.issuer, reason } });
    return { status: "refused", reason };
  };
  const succeed = async (user: UserRow, how: "known" | "linked" | "created"): Promise<LinkSsoIdentityResult> => {
    await recordAudit(db, { ...audit, action: "sign_in.succeeded", actorUserId: user.id, details: { method: "sso", issuer: identity.issuer, how } });
    return { status: "signed_in", user: { id: user.id, name: user.name, email: user.email }, how };
  };
  const userColumns = { id: users.id, name: users.name, email: users.email, isActive: users.isActive };

  const [known] = await db
    .select(userColumns)
    .from(accounts)
    .innerJoin(users, eq(users.id, accounts.userId))
    .where(and(eq(accounts.provider, identity.issuer), eq(accounts.providerAccountId, identity.subject)));
  if (known) {
    if (!known.isActive) return refuse("inactive", known.id);
    if (!(await membershipOf(db, known.id, organisationId))) return refuse("not_member", known.id);
    return succeed(known, "known");
  }

  const [byEmail] = identity.email ? await db.select(userColumns).from(users).where(eq(users.email, identity.email)) : [];
  if (byEmail && identity.emailVerified) {
    if (!(await membershipOf(db, byEmail.id, organisationId))) return refuse("other_establishment", byEmail.id);
    if (!byEmail.isActive) return refuse("inactive", byEmail.id);
    await db.transaction(async (tx) => {
      await tx.insert(accounts).values({ userId: byEmail.id, type: "oidc", provider: identity.issuer, providerAccountId: identity.subject });
      await recordAudit(tx, { ...audit, action: "sso.identity_linked", actorUserId: byEmail.id, targetType: "sso_subject", targetId: identity.subject, details: { issuer: identity.issuer } });
    });
    return succeed(byEmail, "linked");
  }

  // An unverified e-mail proves nothing: it is neither linked nor kept (it may be someone else's).
  const email = identity.emailVerified && !byEmail ? identity.email : null;
  const created = await db.transaction(async (tx) => {
    const [user] = await tx.insert(users).values({ name: identity.name ?? email ?? "Agent", email, emailVerified: email ? new Date() : null }).returning(userColumns);
    await tx.insert(memberships).values({ userId: user!.id, organisationId, role: "learner" });
    await tx.insert(accounts).values({ userId: user!.id, type: "oidc", provider: identity.issuer, providerAccountId: identity.subject });
    await recordAudit(tx, { ...audit, action: "sso.user_created", actorUserId: user!.id, targetType: "user", targetId: user!.id, details: { issuer: identity.issuer } });

    return user!;
  });

  return succeed(created, "created");
}
