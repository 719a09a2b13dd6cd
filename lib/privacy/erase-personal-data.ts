import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, auditLog, certificates, mailOutbox, passwordCredentials, passwordResetTokens, sessions, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors";
import { isWithinAdminScope } from "./admin-person-scope";

export const ERASED_NAME = "Personne effacée";

/**
 * Erases a person's personal data (RGPD, right to erasure), as a platform admin: name, e-mail,
 * login, password, linked identities and mail are removed; the user row stays, anonymised and
 * deactivated, so that progress and completion counts keep adding up; their certificates are
 * revoked and no longer name them. All in one transaction, logged in the audit log.
 */
export async function erasePersonalData(db: Db, options: { actor: Actor; userId: string; ipAddress?: string }) {
  const { actor, userId } = options;
  if (!actor.memberships.some((m) => m.role === "admin" && m.kind === "centre")) throw new AppError("not_found");
  if (actor.userId === userId) throw new AppError("conflict", "an admin cannot erase themselves");
  if (!(await isWithinAdminScope(db, actor, userId))) throw new AppError("not_found", "a person outside the admin's centre");

  return db.transaction(async (tx) => {
    const [user] = await tx.select({ email: users.email, erasedAt: users.erasedAt }).from(users).where(eq(users.id, userId));
    if (!user) throw new AppError("not_found");
    if (user.erasedAt) return { alreadyErased: true };
    const now = new Date();

    // One after the other: a transaction is one connection, which runs one statement at a time
    // (node-postgres deprecates queueing them, and pg 9 will refuse it).
    await tx.delete(passwordCredentials).where(eq(passwordCredentials.userId, userId));
    await tx.delete(accounts).where(eq(accounts.userId, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await tx.delete(passwordResetTokens).where(eq(passwordResetTokens.userId, userId));
    if (user.email) await tx.delete(mailOutbox).where(eq(mailOutbox.to, user.email));
    await tx
      .update(certificates)
      .set({ revokedAt: now, revokedReason: "Effacement des données personnelles (RGPD)", revokedBy: actor.userId })
      .where(and(eq(certificates.userId, userId), isNull(certificates.revokedAt)));
    await tx.update(certificates).set({ learnerName: ERASED_NAME }).where(eq(certificates.userId, userId));
    // The sign-in traces of the person (addresses, browsers) are personal data too.
    await tx.update(auditLog).set({ ipAddress: null, userAgent: null }).where(eq(auditLog.actorUserId, userId));
    await tx
      .update(users)
      .set({ name: ERASED_NAME, email: null, username: null, image: null, emailVerified: null, isActive: false, deactivatedAt: now, erasedAt: now, updatedAt: now })
      .where(eq(users.id, userId));
    await tx.insert(auditLog).values({ actorUserId: actor.userId, action: "personal_data_erased", targetType: "user", targetId: userId, ipAddress: options.ipAddress ?? null });

    return { alreadyErased: false };
  });
}

