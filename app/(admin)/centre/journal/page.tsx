import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { type AuditAction, auditActions } from "@/lib/audit/record-audit";
import { isAuditAction, listAuditEntries } from "@/lib/audit/list-audit-entries";
import { requirePlatformAdminPage } from "@/lib/access/page-guards";
import { env } from "@/lib/env";

// Message keys cannot contain dots: "sign_in.failed" is found under "sign_in_failed".
const ACTION_KEYS = {
  "sign_in.succeeded": "actions.sign_in_succeeded",
  "sign_in.failed": "actions.sign_in_failed",
  "magic_link.requested": "actions.magic_link_requested",
  "password_reset.requested": "actions.password_reset_requested",
  "password_reset.completed": "actions.password_reset_completed",
  sign_out: "actions.sign_out",
  "sessions.ended": "actions.sessions_ended",
  "reminders.sent": "actions.reminders_sent",
  "reminder_settings.updated": "actions.reminder_settings_updated",
  "certificates.exported": "actions.certificates_exported",
  "join_code.refused": "actions.join_code_refused",
  "join_code.joined": "actions.join_code_joined",
  "sso.configured": "actions.sso_configured",
  "sso.removed": "actions.sso_removed",
  "sso.identity_linked": "actions.sso_identity_linked",
  "sso.user_created": "actions.sso_user_created",
  "member.role_changed": "actions.member_role_changed",
  "member.removed": "actions.member_removed",
  "account.deactivated": "actions.account_deactivated",
  "account.reactivated": "actions.account_reactivated",
  "audit.rate_limited": "actions.audit_rate_limited",
  "sso.link_refused": "actions.sso_link_refused",
  "sso.identity_unlinked": "actions.sso_identity_unlinked",
  "sso.unlink_refused": "actions.sso_unlink_refused",
  "second_factor.enrolled": "actions.second_factor_enrolled",
  "second_factor.verified": "actions.second_factor_verified",
  "second_factor.failed": "actions.second_factor_failed",
  "second_factor.recovery_code_used": "actions.second_factor_recovery_code_used",
  "second_factor.recovery_codes_renewed": "actions.second_factor_recovery_codes_renewed",
  "second_factor.reset": "actions.second_factor_reset",
  "second_factor.setting_changed": "actions.second_factor_setting_changed",
  reauthenticated: "actions.reauthenticated",
  "account.renamed": "actions.account_renamed",
  "certificate.reissued": "actions.certificate_reissued",
} as const satisfies Record<AuditAction, string>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title"), robots: { index: false } };
}

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<{ action?: string; avant?: string }> }) {
  const [actor, { action, avant }] = await Promise.all([requirePlatformAdminPage("/centre/journal"), searchParams]);
  const filter = isAuditAction(action) ? action : undefined;
  const [{ db }, t, format] = await Promise.all([getDb(), getTranslations("audit"), getFormatter()]);
  const { entries, nextCursor } = await listAuditEntries(db, actor, { action: filter, before: avant });
  const pageHref = (before?: string) => `/centre/journal?${new URLSearchParams({ ...(filter ? { action: filter } : {}), ...(before ? { avant: before } : {}) })}`;

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro", { months: env().AUDIT_LOG_RETENTION_MONTHS })}</p>
      <form method="get" className="audit-filter">
        <div className="field">
          <label htmlFor="action">{t("filter")}</label>
          <select id="action" name="action" defaultValue={filter ?? ""}>
            <option value="">{t("all")}</option>
            {auditActions.map((value) => (
              <option key={value} value={value}>
                {t(ACTION_KEYS[value])}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t("apply")}
        </button>
      </form>
      {entries.length === 0 ? <p>{t("empty")}</p> : null}
      <div className="table-scroll">
        <table className="audit-table">
          <thead>
            <tr>
              <th scope="col">{t("when")}</th>
              <th scope="col">{t("action")}</th>
              <th scope="col">{t("who")}</th>
              <th scope="col">{t("target")}</th>
              <th scope="col">{t("from")}</th>
              <th scope="col">{t("details")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{format.dateTime(entry.occurredAt, { dateStyle: "short", timeStyle: "medium" })}</td>
                <td>{isAuditAction(entry.action) ? t(ACTION_KEYS[entry.action]) : entry.action}</td>
                <td>{entry.actorEmail ?? "—"}</td>
                <td>{entry.target ?? "—"}</td>
                <td>
                  {entry.ipAddress ?? "—"}
                  <br />
                  <small>{entry.userAgent ?? ""}</small>
                </td>
                <td>{Object.keys(entry.details).length ? JSON.stringify(entry.details) : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {avant || nextCursor ? (
        <nav aria-label={t("pages")} className="audit-pages">
          {avant ? <Link href={pageHref()}>{t("newest")}</Link> : null}
          {nextCursor ? <Link href={pageHref(nextCursor)}>{t("older")}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
