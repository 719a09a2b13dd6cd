import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, organisationSso, passwordCredentials, users } from "@/db/schema";
import { type RequestOrigin, recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors";

/** A provider identity linked to the person's account, named as its establishments name it. */
export type LinkedSsoIdentity = { issuer: string; displayName: string };

/** Every identity linked to the account, enabled provider or not, so that any of them can be unlinked. */
export async function listLinkedSsoIdentities(db: Db, userId: string): Promise<LinkedSsoIdentity[]> {
  const rows = await db
    .selectDistinct({ issuer: accounts.provider, displayName: organisationSso.displayName })
    .from(accounts)
    .leftJoin(organisationSso, eq(organisationSso.issuer, accounts.provider))
    .where(and(eq(accounts.userId, userId), eq(accounts.type, "oidc")))
    .orderBy(asc(accounts.provider), asc(organisationSso.displayName));
  const byIssuer = new Map<string, string>();
  for (const row of rows)
    if (!byIssuer.has(row.issuer)) byIssuer.set(row.issuer, row.displayName ?? new URL(row.issuer).host);

  return [...byIssuer].map(([issuer, displayName]) => ({ issuer, displayName }));
}

export type UnlinkSsoIdentityResult = { ok: true } | { ok: false; reason: "only_way_in" };

/**
 * Removes the signed-in person's identities at one provider (issuer), so that it no longer signs
 * them in. Refused when it is the only way in left: no password, no e-mail address for a sign-in
 * link, no other provider; the account could then only be reached again by a manager's one-time
 * link. Another person's identity, or one not linked, is not_found. Audited either way.
 */
export async function unlinkSsoIdentity(
  db: Db,
  options: { actor: Actor; issuer: string; origin?: RequestOrigin },
): Promise<UnlinkSsoIdentityResult> {
  const { actor, issuer, origin } = options;
  // The subject stays out of the journal: for Pro Santé Connect it is a national identifier.
  const audit = { actorUserId: actor.userId, origin, targetType: "user", targetId: actor.userId };

  return db.transaction(async (tx) => {
    // Locks the account's identities: two unlinks at once cannot each leave the other as the way in.
    const identities = await tx
      .select({ provider: accounts.provider })
      .from(accounts)
      .where(eq(accounts.userId, actor.userId))
      .for("update");
    if (!identities.some((identity) => identity.provider === issuer))
      throw new AppError("not_found", "no such linked identity");
    const [[account], [password]] = await Promise.all([
      tx.select({ email: users.email }).from(users).where(eq(users.id, actor.userId)),
      tx
        .select({ userId: passwordCredentials.userId })
        .from(passwordCredentials)
        .where(eq(passwordCredentials.userId, actor.userId)),
    ]);
    const otherWayIn =
      Boolean(password) || Boolean(account?.email) || identities.some((identity) => identity.provider !== issuer);
    if (!otherWayIn) {
      await recordAudit(tx, { ...audit, action: "sso.unlink_refused", details: { issuer, reason: "only_way_in" } });
      return { ok: false, reason: "only_way_in" } as const;
    }
    await tx.delete(accounts).where(and(eq(accounts.userId, actor.userId), eq(accounts.provider, issuer)));
    await recordAudit(tx, { ...audit, action: "sso.identity_unlinked", details: { issuer } });

    return { ok: true } as const;
  });
}
