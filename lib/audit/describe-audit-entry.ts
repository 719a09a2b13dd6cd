import { isJournalAction, messageKeyOf } from "./journal-actions";

/** What the journal shows of an entry (a row of listAuditEntries). */
export type DescribedEntry = {
  action: string;
  actorName: string | null;
  targetType: string | null;
  targetName: string | null;
  organisationName: string | null;
  ipAddress: string | null;
  details: Record<string, unknown>;
};

/** The words for who is not a known person, in the reader's language. */
export type JournalLabels = { anonymous: string; system: string; someone: string; establishment: string };

/** A message key under audit.sentences and the values its sentence takes. */
export type JournalSentence = { key: string; values: Record<string, string | number> };

const word = (value: unknown) => (typeof value === "string" || typeof value === "number" ? String(value) : "");
const count = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : 0);
const yesNo = (value: unknown) => (value === true ? "yes" : value === false ? "no" : "");

/**
 * The sentence of an audit entry: who (a person by name, else someone not signed in when the
 * request had an address, else Vigie itself), what, about whom or which establishment, and the
 * details worth reading. Codes the sentences do not know reach them as "other", never as JSON.
 */
export function describeAuditEntry(entry: DescribedEntry, labels: JournalLabels): JournalSentence {
  const d = entry.details;
  const actor = entry.actorName ?? (entry.ipAddress ? labels.anonymous : labels.system);
  const target = entry.targetName ?? (entry.targetType === "organisation" ? labels.establishment : labels.someone);
  const passwordOutcome =
    d.throttled === true ? "throttled" : d.sent === true ? "sent" : d.sent === false ? "unknown" : "";

  return {
    key: isJournalAction(entry.action) ? messageKeyOf(entry.action) : "unknown",
    values: {
      actor,
      target,
      hasTarget: entry.targetType === "user" || entry.targetType === "organisation" ? "yes" : "no",
      // Whose sign-in failed: the account tried, or the person who started an SSO sign-in.
      account: entry.targetType === "user" ? target : (entry.actorName ?? ""),
      hasAccount: entry.targetType === "user" || entry.actorName ? "yes" : "no",
      establishment: entry.organisationName ?? labels.establishment,
      action: entry.action,
      method: word(d.method),
      // "none" when absent: the sentences say so rather than print an empty pair of quotes.
      reason: word(d.reason) || "none",
      outcome: entry.action === "password_reset.requested" ? passwordOutcome : word(d.outcome),
      scope: word(d.scope),
      ended: count(d.ended),
      kind: word(d.kind),
      sent: typeof d.sent === "number" ? d.sent : count(d.beforeDue) + count(d.afterDue),
      issuer: word(d.issuer) || "none",
      how: word(d.how),
      isNew: yesNo(d.created),
      enabled: yesNo(d.isEnabled),
      // A role (member.role_changed) or a name (account.renamed), before and after.
      from: word(d.from),
      to: word(d.to),
      role: word(d.role),
      by: word(d.by),
      required: yesNo(d.required),
      limit: count(d.limit),
      minutes: Math.round(count(d.windowSeconds) / 60),
      added: count(d.added),
      invited: count(d.invited),
      establishments: count(d.establishments),
    },
  };
}
