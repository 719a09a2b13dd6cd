import { type SQL, and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  accounts,
  assignments,
  auditLog,
  certificates,
  mailOutbox,
  organisations,
  passwordAttempts,
  passwordCredentials,
  passwordResetTokens,
  phishingRecipients,
  rateLimits,
  secondFactorRecoveryCodes,
  sessions,
  userSecondFactors,
  userSessions,
  users,
  verificationTokens,
} from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors";
import { isWithinAdminScope } from "@/lib/access/person-scope";
import { requireAdminCentres } from "@/lib/access/roles";
import { personIdentifiers } from "./person-identifiers";
import { requireRecentAuth } from "@/lib/access/recent-auth";
import { recordAudit } from "@/lib/audit/record-audit";
import { SUSPECT_MESSAGE_MAIL_KIND, suspectMessageMailSubject } from "@/lib/incident/render-suspect-message-mail";

export const ERASED_NAME = "Personne effacée";

/**
 * Erases a person's personal data (RGPD, right to erasure), as a platform admin: name, e-mail,
 * login, password, second factor, linked identities, tokens, phishing-exercise results (and the module assigned on a click), rate-limit counters and mail are removed; the audit
 * rows that name them (by id, e-mail, login or SSO subject) lose that name, the address and the
 * browser; an incident contact that is them is cleared; the user row stays, anonymised and
 * deactivated, so that progress and completion counts keep adding up; their certificates are
 * revoked and no longer name them. All in one transaction, logged in the audit log.
 */
export async function erasePersonalData(db: Db, options: { actor: Actor; userId: string; ipAddress?: string }) {
  const { actor, userId } = options;
  requireAdminCentres(actor);
  if (actor.userId === userId) throw new AppError("conflict", "an admin cannot erase themselves");
  if (!(await isWithinAdminScope(db, actor, userId)))
    throw new AppError("not_found", "a person outside the admin's centre");
  requireRecentAuth(actor);

  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ name: users.name, email: users.email, username: users.username, erasedAt: users.erasedAt })
      .from(users)
      .where(eq(users.id, userId));
    if (!user) throw new AppError("not_found");
    if (user.erasedAt) return { alreadyErased: true };
    const now = new Date();
    const { names } = await personIdentifiers(tx, userId);
    await forgetNames(tx, user.email, names);

    // One after the other: a transaction is one connection, which runs one statement at a time
    // (node-postgres deprecates queueing them, and pg 9 will refuse it).
    await tx.delete(passwordCredentials).where(eq(passwordCredentials.userId, userId));
    await tx.delete(accounts).where(eq(accounts.userId, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await tx.delete(userSessions).where(eq(userSessions.userId, userId));
    await tx.delete(passwordResetTokens).where(eq(passwordResetTokens.userId, userId));
    await tx.delete(userSecondFactors).where(eq(userSecondFactors.userId, userId));
    await tx.delete(secondFactorRecoveryCodes).where(eq(secondFactorRecoveryCodes.userId, userId));
    await tx.delete(phishingRecipients).where(eq(phishingRecipients.userId, userId));
    // Their own assignments exist only because they clicked in an exercise: a result too.
    await tx.delete(assignments).where(eq(assignments.userId, userId));
    if (user.email) await tx.delete(mailOutbox).where(eq(mailOutbox.to, user.email));
    // The copy of a suspect message they reported names them (lib/incident/render-suspect-message-mail.ts).
    const namingThem = [
      user.name ? eq(mailOutbox.subject, suspectMessageMailSubject(user.name)) : undefined,
      user.email ? sql`strpos(lower(${mailOutbox.text}), ${user.email.toLowerCase()}) > 0` : undefined,
    ].filter((condition) => condition !== undefined);
    if (namingThem.length > 0)
      await tx.delete(mailOutbox).where(and(eq(mailOutbox.kind, SUSPECT_MESSAGE_MAIL_KIND), or(...namingThem)));
    await tx
      .update(certificates)
      .set({ revokedAt: now, revokedReason: "Effacement des données personnelles (RGPD)", revokedBy: actor.userId })
      .where(and(eq(certificates.userId, userId), isNull(certificates.revokedAt)));
    await tx.update(certificates).set({ learnerName: ERASED_NAME }).where(eq(certificates.userId, userId));
    // The sign-in traces of the person (addresses, browsers) are personal data too.
    await tx.update(auditLog).set({ ipAddress: null, userAgent: null }).where(eq(auditLog.actorUserId, userId));
    await tx
      .update(auditLog)
      .set({ targetId: null, ipAddress: null, userAgent: null })
      .where(inArray(auditLog.targetId, names));
    // Requests of nobody signed in that aimed at their account (failed sign-ins) came from them, or at them.
    await tx
      .update(auditLog)
      .set({ ipAddress: null, userAgent: null })
      .where(and(eq(auditLog.targetId, userId), isNull(auditLog.actorUserId)));
    await tx
      .update(users)
      .set({
        name: ERASED_NAME,
        email: null,
        username: null,
        image: null,
        emailVerified: null,
        isActive: false,
        deactivatedAt: now,
        erasedAt: now,
        updatedAt: now,
      })
      .where(eq(users.id, userId));
    await recordAudit(tx, {
      action: "personal_data_erased",
      actorUserId: actor.userId,
      targetType: "user",
      targetId: userId,
      origin: options.ipAddress ? { ipAddress: options.ipAddress, userAgent: null } : undefined,
    });

    return { alreadyErased: false };
  });
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Removes what holds the person's e-mail, login or SSO subject outside their own rows: Auth.js's
 * sign-in tokens, rate-limit counters keyed by them (`…:account:<e-mail>`), audit details that
 * quote the e-mail, and the incident contact of an establishment when it is their address.
 */
async function forgetNames(tx: Tx, email: string | null, names: string[]) {
  if (names.length === 0) return;
  const endsWithName = or(
    ...names.map((name) => sql`right(${rateLimits.key}, ${name.length + 1}) = ${`:${name}`}`),
  ) as SQL;
  await tx.delete(rateLimits).where(endsWithName);
  await tx.delete(passwordAttempts).where(inArray(passwordAttempts.account, names));
  if (!email) return;
  await tx.delete(verificationTokens).where(eq(verificationTokens.identifier, email));
  await tx
    .update(auditLog)
    .set({ details: {}, ipAddress: null, userAgent: null })
    .where(sql`strpos(lower(${auditLog.details}::text), ${email}) > 0`);
  await tx
    .update(organisations)
    .set({ incidentContactName: null, incidentContactPhone: null, incidentContactEmail: null })
    .where(eq(sql`lower(${organisations.incidentContactEmail})`, email));
}
