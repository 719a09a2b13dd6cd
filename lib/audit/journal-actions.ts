import { auditActions } from "./record-audit";

/**
 * Every action the audit log holds: those recordAudit writes, and those written in the same
 * transaction as the change they record (erasure, import, creation…), which insert directly.
 */
export const journalActions = [
  ...auditActions,
  "personal_data_exported",
  "personal_data_erased",
  "organisation_created",
  "invitation.cancelled",
  "roster_imported",
  "join_code_created",
  "password_link_created",
] as const;
export type JournalAction = (typeof journalActions)[number];

export const isJournalAction = (value: unknown): value is JournalAction => typeof value === "string" && (journalActions as readonly string[]).includes(value);

/** Message keys cannot contain dots: "sign_in.failed" is found under "sign_in_failed". */
export const messageKeyOf = (action: JournalAction) => action.replace(/\./g, "_");
