import { auditActions } from "./record-audit";

/** Every action the audit log holds: every entry is written by recordAudit. */
export const journalActions = auditActions;
export type JournalAction = (typeof journalActions)[number];

export const isJournalAction = (value: unknown): value is JournalAction =>
  typeof value === "string" && (journalActions as readonly string[]).includes(value);

/** Message keys cannot contain dots: "sign_in.failed" is found under "sign_in_failed". */
export const messageKeyOf = (action: JournalAction) => action.replace(/\./g, "_");
