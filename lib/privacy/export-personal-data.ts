import { asc, eq, inArray, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  accounts,
  assignments,
  auditLog,
  certificates,
  learningEvents,
  mailOutbox,
  membershipInvitations,
  memberships,
  moduleProgress,
  organisations,
  passwordCredentials,
  phishingExercises,
  phishingRecipients,
  quizDraws,
  reminders,
  teams,
  userSessions,
  users,
} from "@/db/schema";
import { AppError } from "@/lib/errors";
import { personIdentifiers } from "./person-identifiers";

/**
 * Everything Vigie holds about one person (RGPD, right of access), as plain data: account,
 * memberships and invitations, progress, every learning event, quiz draws, certificates,
 * reminders, the phishing exercises' messages to them (never their link's token) and the module assigned to them alone, the e-mails sent to them, their linked identities and sessions, and the audit entries
 * by them or about them (by id, e-mail, login or SSO subject, as erasure finds them). Never a
 * password hash, a token or a secret.
 */
export async function exportPersonalData(db: Db, userId: string) {
  const [user] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      username: users.username,
      locale: users.locale,
      isActive: users.isActive,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new AppError("not_found");

  const { names } = await personIdentifiers(db, userId);
  const aboutThem = or(
    eq(auditLog.actorUserId, userId),
    eq(auditLog.targetId, userId),
    ...(names.length > 0 ? [inArray(auditLog.targetId, names)] : []),
    ...(user.email ? [sql`strpos(lower(${auditLog.details}::text), ${user.email.toLowerCase()}) > 0`] : []),
  );
  const [
    membershipRows,
    progress,
    events,
    certificateRows,
    mail,
    audit,
    identities,
    sessionRows,
    invitations,
    reminderRows,
    draws,
    password,
    phishing,
    ownAssignments,
  ] = await Promise.all([
    db
      .select({
        organisation: organisations.name,
        role: memberships.role,
        team: teams.name,
        since: memberships.createdAt,
      })
      .from(memberships)
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      .leftJoin(teams, eq(teams.id, memberships.teamId))
      .where(eq(memberships.userId, userId)),
    db.select().from(moduleProgress).where(eq(moduleProgress.userId, userId)),
    db
      .select({
        eventId: learningEvents.eventId,
        moduleId: learningEvents.moduleId,
        moduleVersion: learningEvents.moduleVersion,
        kind: learningEvents.kind,
        stepId: learningEvents.stepId,
        payload: learningEvents.payload,
        occurredAt: learningEvents.occurredAt,
        receivedAt: learningEvents.receivedAt,
      })
      .from(learningEvents)
      .where(eq(learningEvents.userId, userId))
      .orderBy(learningEvents.occurredAt),
    db.select().from(certificates).where(eq(certificates.userId, userId)),
    user.email
      ? db
          .select({
            subject: mailOutbox.subject,
            kind: mailOutbox.kind,
            createdAt: mailOutbox.createdAt,
            sentAt: mailOutbox.sentAt,
          })
          .from(mailOutbox)
          .where(eq(mailOutbox.to, user.email))
      : [],
    db
      .select({
        occurredAt: auditLog.occurredAt,
        action: auditLog.action,
        establishment: organisations.name,
        ipAddress: auditLog.ipAddress,
        userAgent: auditLog.userAgent,
      })
      .from(auditLog)
      .leftJoin(organisations, eq(organisations.id, auditLog.organisationId))
      .where(aboutThem)
      .orderBy(asc(auditLog.occurredAt)),
    db
      .select({ provider: accounts.provider, subject: accounts.providerAccountId, linkedAt: accounts.createdAt })
      .from(accounts)
      .where(eq(accounts.userId, userId)),
    db
      .select({
        method: userSessions.method,
        createdAt: userSessions.createdAt,
        lastSeenAt: userSessions.lastSeenAt,
        expiresAt: userSessions.expiresAt,
      })
      .from(userSessions)
      .where(eq(userSessions.userId, userId))
      .orderBy(asc(userSessions.createdAt)),
    db
      .select({
        organisation: organisations.name,
        role: membershipInvitations.role,
        status: membershipInvitations.status,
        createdAt: membershipInvitations.createdAt,
        respondedAt: membershipInvitations.respondedAt,
      })
      .from(membershipInvitations)
      .innerJoin(organisations, eq(organisations.id, membershipInvitations.organisationId))
      .where(eq(membershipInvitations.userId, userId)),
    db
      .select({ organisation: organisations.name, kind: reminders.kind, sentAt: reminders.sentAt })
      .from(reminders)
      .innerJoin(organisations, eq(organisations.id, reminders.organisationId))
      .where(eq(reminders.userId, userId))
      .orderBy(asc(reminders.sentAt)),
    db
      .select({
        moduleId: quizDraws.moduleId,
        moduleVersion: quizDraws.moduleVersion,
        questions: quizDraws.questions,
        drawnAt: quizDraws.createdAt,
        submittedAt: quizDraws.submittedAt,
      })
      .from(quizDraws)
      .where(eq(quizDraws.userId, userId))
      .orderBy(asc(quizDraws.createdAt)),
    db
      .select({ userId: passwordCredentials.userId })
      .from(passwordCredentials)
      .where(eq(passwordCredentials.userId, userId)),
    db
      .select({
        organisation: organisations.name,
        scenarioId: phishingExercises.scenarioId,
        plannedAt: phishingRecipients.plannedAt,
        sentAt: phishingRecipients.sentAt,
        deliveredAt: phishingRecipients.deliveredAt,
        automaticOpens: phishingRecipients.automaticOpens,
        clickedAt: phishingRecipients.clickedAt,
        reportedAt: phishingRecipients.reportedAt,
        moduleAssignedAt: phishingRecipients.moduleAssignedAt,
      })
      .from(phishingRecipients)
      .innerJoin(phishingExercises, eq(phishingExercises.id, phishingRecipients.exerciseId))
      .innerJoin(organisations, eq(organisations.id, phishingRecipients.organisationId))
      .where(eq(phishingRecipients.userId, userId))
      .orderBy(asc(phishingRecipients.plannedAt)),
    db
      .select({
        organisation: organisations.name,
        subjectType: assignments.subjectType,
        subjectId: assignments.subjectId,
        dueOn: assignments.dueOn,
        createdAt: assignments.createdAt,
      })
      .from(assignments)
      .innerJoin(organisations, eq(organisations.id, assignments.organisationId))
      .where(eq(assignments.userId, userId))
      .orderBy(asc(assignments.createdAt)),
  ]);

  return {
    exportedAt: new Date().toISOString(),
    account: { ...user, hasPassword: password.length > 0 },
    linkedIdentities: identities,
    sessions: sessionRows,
    invitations,
    reminders: reminderRows,
    quizDraws: draws,
    phishingExercises: phishing,
    ownAssignments,
    memberships: membershipRows,
    progress: progress.map(({ userId: _u, organisationId: _o, ...row }) => row),
    learningEvents: events,
    certificates: certificateRows.map(({ userId: _u, organisationId: _o, revokedBy: _r, ...row }) => row),
    emails: mail,
    auditLog: audit,
  };
}
