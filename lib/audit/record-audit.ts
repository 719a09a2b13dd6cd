import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";

export const auditActions = [
  "sign_in.succeeded",
  "sign_in.failed",
  "magic_link.requested",
  "password_reset.requested",
  "password_reset.completed",
  "sign_out",
  "reminders.sent",
  "reminder_settings.updated",
  "certificates.exported",
  "join_code.refused",
  "join_code.joined",
  "sso.configured",
  "sso.removed",
  "sso.identity_linked",
  "sso.user_created",
  "member.role_changed",
  "member.removed",
  "account.deactivated",
  "account.reactivated",
] as const;
export type AuditAction = (typeof auditActions)[number];

/** Where a request came from, as far as the server can tell (see lib/http/client-address.ts). */
export type RequestOrigin = { ipAddress: string; userAgent: string | null };

export type RecordAuditOptions = {
  action: AuditAction;
  actorUserId?: string | null;
  /** The establishment concerned, when there is one (SSO settings, SSO sign-ins). */
  organisationId?: string | null;
  origin?: RequestOrigin;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
};

const USER_AGENT_MAX = 400;

/** Appends one entry to the audit log: who did what, when and from where. */
export async function recordAudit(db: Db, options: RecordAuditOptions): Promise<void> {
  await db.insert(auditLog).values({
    action: options.action,
    actorUserId: options.actorUserId ?? null,
    organisationId: options.organisationId ?? null,
    ipAddress: options.origin?.ipAddress ?? null,
    userAgent: options.origin?.userAgent?.slice(0, USER_AGENT_MAX) ?? null,
    targetType: options.targetType ?? null,
    targetId: options.targetId ?? null,
    details: options.details ?? {},
  });
}
