import type { Db } from "@/db/client";
import { type RequestOrigin, recordAudit } from "@/lib/audit/record-audit";
import { getIncidentContact } from "@/lib/incident/get-incident-contact";
import { SUSPECT_MESSAGE_MAIL_KIND, renderSuspectMessageMail } from "@/lib/incident/render-suspect-message-mail";
import { sendMail } from "@/lib/mail/send-mail";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { findExerciseTokens } from "./find-exercise-tokens";
import { recordReport } from "./record-report";
import { removeExerciseLinks } from "./remove-exercise-links";

/** Reports a person may send per hour: enough for a bad morning, not for a flood of mail to the RSSI. */
export const SUSPECT_REPORT_LIMIT = { perPerson: 10, windowSeconds: 60 * 60 };

export type ReportSuspectMessageOptions = {
  reporter: { userId: string; name: string; email: string | null; organisationIds: readonly string[] };
  /** The establishment the person works in now: a real report goes to its security contact. */
  establishment: { organisationId: string; name: string };
  /** What the person pasted, already bounded and stripped of control characters. */
  pasted: string;
  now: Date;
  origin?: RequestOrigin;
};

export type ReportOutcome =
  | { outcome: "exercise"; recipientId: string }
  | { outcome: "sent"; contactName: string }
  | { outcome: "no_contact" }
  | { outcome: "rate_limited"; retryAfterSeconds: number };

/**
 * A person's "Signaler un message suspect". When the paste carries the link of their own
 * exercise message, the report is recorded on it (once) and nothing is sent: it was an exercise.
 * Anything else is a real report: it goes by e-mail to the security contact of the establishment
 * the person works in now, with their name and what they pasted (less any exercise message's
 * link, removeExerciseLinks), and the audit log says so (without the text). Past
 * SUSPECT_REPORT_LIMIT in the hour, nothing is done.
 */
export async function reportSuspectMessage(db: Db, options: ReportSuspectMessageOptions): Promise<ReportOutcome> {
  const { reporter, establishment, now } = options;
  const limit = await consumeRateLimit(db, {
    key: `suspect-report:user:${reporter.userId}`,
    limit: SUSPECT_REPORT_LIMIT.perPerson,
    windowSeconds: SUSPECT_REPORT_LIMIT.windowSeconds,
    now,
  });
  if (!limit.allowed) return { outcome: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };

  const exercise = await recordReport(db, {
    userId: reporter.userId,
    organisationIds: reporter.organisationIds,
    tokens: findExerciseTokens(options.pasted),
    now,
  });
  if (exercise) return { outcome: "exercise", recipientId: exercise.recipientId };

  const contact = await getIncidentContact(db, establishment.organisationId);
  if (contact) {
    // A colleague's exercise message may be pasted: the contact must not be able to click for them.
    const forwarded = await removeExerciseLinks(db, options.pasted);
    const mail = renderSuspectMessageMail({
      reporter,
      establishmentName: establishment.name,
      pasted: forwarded.text,
      at: now,
      exerciseLinksRemoved: forwarded.removed > 0,
    });
    await sendMail(db, {
      to: contact.email,
      ...mail,
      kind: SUSPECT_MESSAGE_MAIL_KIND,
      organisationId: establishment.organisationId,
    });
  }
  await recordAudit(db, {
    action: "suspect_message.reported",
    actorUserId: reporter.userId,
    organisationId: establishment.organisationId,
    origin: options.origin,
    targetType: "organisation",
    targetId: establishment.organisationId,
    details: { outcome: contact ? "sent" : "no_contact", length: options.pasted.length },
  });

  return contact ? { outcome: "sent", contactName: contact.name } : { outcome: "no_contact" };
}
