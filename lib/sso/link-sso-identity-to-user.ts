import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, memberships, users } from "@/db/schema";
import { type RequestOrigin, recordAudit } from "@/lib/audit/record-audit";
import type { SsoIdentity } from "./link-sso-identity";

export type LinkToUserRefusal = "not_member" | "identity_taken";

export type LinkSsoIdentityToUserResult =
  { ok: true; alreadyLinked: boolean } | { ok: false; reason: LinkToUserRefusal };

export type LinkSsoIdentityToUserOptions = {
  organisationId: string;
  userId: string;
  identity: SsoIdentity;
  origin?: RequestOrigin;
};

/**
 * Links a provider's identity to the signed-in person who asked for it from "Mon compte" (the
 * caller checked that this person started the sign-in at the provider). The person must be an
 * active member of the establishment; an identity already linked to someone else stays theirs.
 * Audited either way.
 */
export async function linkSsoIdentityToUser(
  db: Db,
  { organisationId, userId, identity, origin }: LinkSsoIdentityToUserOptions,
): Promise<LinkSsoIdentityToUserResult> {
  const audit = { organisationId, origin, actorUserId: userId, targetType: "sso_subject", targetId: identity.subject };
  const refuse = async (reason: LinkToUserRefusal): Promise<LinkSsoIdentityToUserResult> => {
    await recordAudit(db, { ...audit, action: "sso.link_refused", details: { issuer: identity.issuer, reason } });
    return { ok: false, reason };
  };

  const [member] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId), eq(users.isActive, true)),
    );
  if (!member) return refuse("not_member");

  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(accounts)
      .values({ userId, type: "oidc", provider: identity.issuer, providerAccountId: identity.subject })
      .onConflictDoNothing()
      .returning({ userId: accounts.userId });
    if (inserted.length === 0) {
      const [owner] = await tx
        .select({ userId: accounts.userId })
        .from(accounts)
        .where(and(eq(accounts.provider, identity.issuer), eq(accounts.providerAccountId, identity.subject)));
      if (owner?.userId === userId) return { ok: true, alreadyLinked: true } as const;
      await recordAudit(tx, {
        ...audit,
        action: "sso.link_refused",
        details: { issuer: identity.issuer, reason: "identity_taken" },
      });
      return { ok: false, reason: "identity_taken" } as const;
    }
    await recordAudit(tx, {
      ...audit,
      action: "sso.identity_linked",
      details: { issuer: identity.issuer, how: "by_user" },
    });

    return { ok: true, alreadyLinked: false } as const;
  });
}
