import { eq, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, certificates, learningEvents, mailOutbox, memberships, moduleProgress, organisations, teams, users } from "@/db/schema";
import { AppError } from "@/lib/errors";

/**
 * Everything Vigie holds about one person (RGPD, right of access), as plain data: account,
 * memberships, progress, every learning event, certificates, the e-mails sent to them and the
 * audit entries about them. Never the password hash.
 */
export async function exportPersonalData(db: Db, userId: string) {
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, username: users.username, locale: users.locale, isActive: users.isActive, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new AppError("not_found");

  const [membershipRows, progress, events, certificateRows, mail, audit] = await Promise.all([
    db
      .select({ organisation: organisations.name, role: memberships.role, team: teams.name, since: memberships.createdAt })
      .from(memberships)
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      .leftJoin(teams, eq(teams.id, memberships.teamId))
      .where(eq(memberships.userId, userId)),
    db.select().from(moduleProgress).where(eq(moduleProgress.userId, userId)),
    db
      .select({ eventId: learningEvents.eventId, moduleId: learningEvents.moduleId, moduleVersion: learningEvents.moduleVersion, kind: learningEvents.kind, stepId: learningEvents.stepId, payload: learningEvents.payload, occurredAt: learningEvents.occurredAt, receivedAt: learningEvents.receivedAt })
      .from(learningEvents)
      .where(eq(learningEvents.userId, userId))
      .orderBy(learningEvents.occurredAt),
    db.select().from(certificates).where(eq(certificates.userId, userId)),
    user.email ? db.select({ subject: mailOutbox.subject, kind: mailOutbox.kind, createdAt: mailOutbox.createdAt, sentAt: mailOutbox.sentAt }).from(mailOutbox).where(eq(mailOutbox.to, user.email)) : [],
    db
      .select({ occurredAt: auditLog.occurredAt, action: auditLog.action, ipAddress: auditLog.ipAddress, userAgent: auditLog.userAgent })
      .from(auditLog)
      .where(or(eq(auditLog.actorUserId, userId), eq(auditLog.targetId, userId))),
  ]);

  return {
    exportedAt: new Date().toISOString(),
    account: user,
    memberships: membershipRows,
    progress: progress.map(({ userId: _u, organisationId: _o, ...row }) => row),
    learningEvents: events,
    certificates: certificateRows.map(({ userId: _u, organisationId: _o, revokedBy: _r, ...row }) => row),
    emails: mail,
    auditLog: audit,
  };
}
