import { and, eq, exists, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, users } from "@/db/schema";
import { requireMemberInScope } from "@/lib/access/member-scope";
import { type RequestOrigin, recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors";
import { checkPersonName } from "./person-name";

/** Set on the refusal of an account whose name its identity provider sends (a form says so). */
export const NAME_FROM_PROVIDER = "the name follows the identity provider";

export type RenamePersonOptions = {
  actor: Actor;
  userId: string;
  name: string;
  /** The establishment a manager acts for; absent when the person corrects their own name. */
  organisationId?: string;
  origin?: RequestOrigin;
};

export type RenamePersonResult = { name: string; changed: boolean };

/** Whether an identity provider is linked to the account: its name is then the provider's, set at each SSO sign-in. */
export async function isNameFromProvider(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: accounts.userId })
    .from(accounts)
    .where(and(eq(accounts.userId, userId), eq(accounts.type, "oidc")))
    .limit(1);

  return Boolean(row);
}

/**
 * Corrects a person's name: their own, or a member's of an establishment the actor manages
 * (lib/access's requireMemberInScope: anyone else is not_found). The name passes the one rule
 * every name passes (bad_request otherwise); an account linked to an identity provider keeps the
 * provider's name (conflict). Audited with the old and the new name; nothing changes when refused.
 */
export async function renamePerson(db: Db, options: RenamePersonOptions): Promise<RenamePersonResult> {
  const { actor, userId, origin } = options;
  const isSelf = userId === actor.userId;
  const member = isSelf
    ? null
    : await requireMemberInScope(db, actor, { userId, organisationId: options.organisationId ?? "" });
  const checked = checkPersonName(options.name);
  if (!checked.ok) throw new AppError("bad_request", `name refused: ${checked.problem}`);

  return db.transaction(async (tx) => {
    // Locks the row; the provider check sits in the same statement, so a link made meanwhile is seen.
    const [person] = await tx
      .select({
        name: users.name,
        fromProvider: sql<boolean>`${exists(
          tx
            .select({ one: sql`1` })
            .from(accounts)
            .where(and(eq(accounts.userId, users.id), eq(accounts.type, "oidc"))),
        )}`,
      })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.isActive, true), sql`${users.erasedAt} is null`))
      .for("update", { of: users });
    if (!person) throw new AppError("not_found", "no active account");
    if (person.fromProvider) throw new AppError("conflict", NAME_FROM_PROVIDER);
    if (person.name === checked.name) return { name: checked.name, changed: false };

    await tx.update(users).set({ name: checked.name, updatedAt: new Date() }).where(eq(users.id, userId));
    await recordAudit(tx, {
      action: "account.renamed",
      actorUserId: actor.userId,
      organisationId: member?.membership?.organisationId ?? null,
      origin,
      targetType: "user",
      targetId: userId,
      details: { from: person.name, to: checked.name, by: isSelf ? "self" : "manager" },
    });

    return { name: checked.name, changed: true };
  });
}
