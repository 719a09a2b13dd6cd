import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, passwordResetTokens, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { hashResetToken } from "@/lib/auth/password-reset";
import { requireManagedEstablishment } from "@/lib/access/managed-establishments";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";

export const PASSWORD_LINK_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * For a learner without an e-mail address (who joined with a code and forgot their password):
 * a single-use link, valid 24 hours, to choose a new password, which their manager hands over.
 * Only for active learners of an establishment the actor manages, never for an account with an
 * e-mail (that one uses "Mot de passe oublié"), never for oneself; anything else is not_found.
 * Audited; only a hash of the token is stored.
 */
export async function createPasswordLink(
  db: Db,
  options: { actor: Actor; organisationId: string; userId: string; baseUrl: string; now?: Date },
) {
  const establishment = await requireManagedEstablishment(db, options.actor, options.organisationId);
  if (options.userId === options.actor.userId) throw new AppError("not_found");
  const [learner] = await db
    .select({ id: users.id, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organisationId, establishment.id),
        eq(memberships.userId, options.userId),
        eq(memberships.role, "learner"),
        eq(users.isActive, true),
      ),
    );
  if (!learner || learner.email) throw new AppError("not_found", "no active learner without e-mail here");

  const now = options.now ?? new Date();
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + PASSWORD_LINK_MAX_AGE_MS);
  await db.transaction(async (tx) => {
    await tx.insert(passwordResetTokens).values({ tokenHash: hashResetToken(token), userId: learner.id, expiresAt });
    await recordAudit(tx, {
      action: "password_link_created",
      actorUserId: options.actor.userId,
      organisationId: establishment.id,
      targetType: "user",
      targetId: learner.id,
    });
  });

  return { url: new URL(`/mot-de-passe/nouveau?jeton=${token}`, options.baseUrl).toString(), expiresAt };
}
