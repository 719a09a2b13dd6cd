import { and, desc, eq, exists, inArray, isNull, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, memberships, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { managedEstablishmentIds } from "@/lib/access/managed-establishments";
import { requireAdminCentres } from "@/lib/access/roles";
import { type AuditAction, auditActions } from "./record-audit";

const PAGE_SIZE = 100;

export const isAuditAction = (value: unknown): value is AuditAction => typeof value === "string" && (auditActions as readonly string[]).includes(value);

/**
 * The latest audit entries of the admin's centres, newest first, optionally of one action, with
 * the actor's e-mail: entries about the centre or an establishment under it, entries by people
 * who belong there, and entries that concern no one in particular (a failed sign-in with an
 * unknown address). Another centre's entries are not shown.
 */
export async function listAuditEntries(db: Db, actor: Actor, options: { action?: AuditAction } = {}) {
  // Only a platform admin (admin of a centre) reads the audit log; anyone else gets not_found.
  const centres = requireAdminCentres(actor);
  const scope = [...centres, ...(await managedEstablishmentIds(db, actor))];
  const byMember = exists(db.select({ one: memberships.userId }).from(memberships).where(and(eq(memberships.userId, auditLog.actorUserId), inArray(memberships.organisationId, scope))));
  const inScope = or(inArray(auditLog.organisationId, scope), and(isNull(auditLog.organisationId), or(isNull(auditLog.actorUserId), byMember)));

  return db
    .select({
      id: auditLog.id,
      occurredAt: auditLog.occurredAt,
      action: auditLog.action,
      actorEmail: users.email,
      targetId: auditLog.targetId,
      ipAddress: auditLog.ipAddress,
      userAgent: auditLog.userAgent,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(inScope, options.action ? eq(auditLog.action, options.action) : undefined))
    .orderBy(desc(auditLog.occurredAt), desc(auditLog.id))
    .limit(PAGE_SIZE);
}
