import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors";
import { type AuditAction, auditActions } from "./record-audit";

const PAGE_SIZE = 100;

/** Only a platform admin (admin of a centre) reads the audit log; anyone else gets not_found. */
export function assertPlatformAdmin(actor: Actor): void {
  if (!actor.memberships.some((m) => m.role === "admin" && m.kind === "centre")) throw new AppError("not_found", "audit log is for platform admins");
}

export const isAuditAction = (value: unknown): value is AuditAction => typeof value === "string" && (auditActions as readonly string[]).includes(value);

/** The latest audit entries, newest first, optionally of one action, with the actor's e-mail. */
export async function listAuditEntries(db: Db, actor: Actor, options: { action?: AuditAction } = {}) {
  assertPlatformAdmin(actor);

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
    .where(options.action ? eq(auditLog.action, options.action) : undefined)
    .orderBy(desc(auditLog.occurredAt), desc(auditLog.id))
    .limit(PAGE_SIZE);
}
