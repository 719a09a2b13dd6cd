import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";

export const auditActions = [
  "sign_in.succeeded",
  "sign_in.failed",
  "magic_link.requested",
  "password_reset.requested",
  "password_reset.completed",
  "sign_out",
  "sessions.ended",
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
  "audit.rate_limited",
  "sso.link_refused",
  "sso.identity_unlinked",
  "sso.unlink_refused",
  "second_factor.enrolled",
  "second_factor.verified",
  "second_factor.failed",
  "second_factor.recovery_code_used",
  "second_factor.recovery_codes_renewed",
  "second_factor.reset",
  "second_factor.setting_changed",
  "reauthenticated",
  "account.renamed",
  "certificate.reissued",
  // Written in the same transaction as the change they record.
  "personal_data_exported",
  "personal_data_erased",
  "organisation_created",
  "role_changed",
  "invitation.sent",
  "invitation.accepted",
  "invitation.declined",
  "invitation.cancelled",
  "roster_imported",
  "join_code_created",
  "join_code_enabled",
  "join_code_disabled",
  "password_link_created",
  "phishing_exercise.launched",
  "phishing_exercise.paused",
  "phishing_exercise.resumed",
  "phishing_exercise.cancelled",
  "phishing_campaign.created",
  "phishing_campaign.launched",
  "phishing_campaign.paused",
  "phishing_campaign.resumed",
  "phishing_campaign.cancelled",
  "suspect_message.reported",
  "phishing_individual_results.changed",
  "personal_assignment.removed",
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

/**
 * Entries that requests of nobody signed in may add per client address: enough for every refusal
 * the sign-in (30) and join-code (20) limits let through in their window, and no flood beyond.
 */
export const ANONYMOUS_AUDIT_LIMIT = { perAddress: 60, windowSeconds: 15 * 60 };

/**
 * Appends one entry to the audit log: who did what, when and from where. An entry with no actor
 * from a request counts against its address's limit; past it, the entry is dropped, and the
 * first one dropped in the window is replaced by an `audit.rate_limited` entry that says so.
 */
export async function recordAudit(db: Db, options: RecordAuditOptions): Promise<void> {
  if (!options.actorUserId && options.origin) {
    const { perAddress, windowSeconds } = ANONYMOUS_AUDIT_LIMIT;
    const limit = await consumeRateLimit(db, {
      key: `audit:address:${options.origin.ipAddress}`,
      limit: perAddress,
      windowSeconds,
    });
    if (!limit.allowed) {
      if (limit.count === perAddress + 1)
        await insertEntry(db, {
          action: "audit.rate_limited",
          origin: options.origin,
          details: { limit: perAddress, windowSeconds },
        });
      return;
    }
  }
  await insertEntry(db, options);
}

async function insertEntry(db: Db, options: RecordAuditOptions): Promise<void> {
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
