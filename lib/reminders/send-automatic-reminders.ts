import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { reminderSettings } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Catalogue } from "@/lib/courses/types";
import { parisDay } from "@/lib/assignments/assignment-cycle";
import { type ReminderKind, deliverReminders } from "./deliver-reminders";
import { type PendingLearner, pendingLearners } from "./pending-learners";

export type AutomaticRunCounts = { organisationId: string; beforeDue: number; afterDue: number; recent: number };

/** YYYY-MM-DD plus `days` calendar days. */
function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * What kind of automatic reminder a learner is due, if any: "after due" when late on any
 * assignment; "before due" when an assignment not done is due within `daysBefore` days.
 */
export function automaticKind(learner: PendingLearner, today: string, daysBefore: number): ReminderKind | null {
  if (learner.status === "late") return "after_due";
  const horizon = addDays(today, daysBefore);
  const soon = learner.pending.some(
    (p) => p.status !== "late" && p.target.cycle.dueOn >= today && p.target.cycle.dueOn <= horizon,
  );

  return soon ? "before_due" : null;
}

/**
 * One automatic run: for every establishment that turned automatic reminders on, reminds late
 * learners and those whose due date is near, with the interval shared with manual reminders.
 * Safe to run from several instances at once (see deliverReminders); audited per establishment.
 */
export async function sendAutomaticReminders(
  db: Db,
  options: { catalogue: Catalogue; asOf: Date },
): Promise<AutomaticRunCounts[]> {
  const enabled = await db.select().from(reminderSettings).where(eq(reminderSettings.autoEnabled, true));
  const today = parisDay(options.asOf);
  const counts: AutomaticRunCounts[] = [];

  for (const settings of enabled) {
    const organisationId = settings.organisationId;
    const learners = await pendingLearners(db, {
      organisationId,
      catalogue: options.catalogue,
      asOf: options.asOf,
      statuses: ["late", "not_started", "in_progress"],
    });
    const due = learners.flatMap((learner) => {
      const kind = automaticKind(learner, today, settings.daysBefore);
      return kind ? [{ learner, kind }] : [];
    });
    const delivery = await deliverReminders(db, {
      organisationId,
      learners: due,
      intervalDays: settings.intervalDays,
      sentBy: null,
      asOf: options.asOf,
    });
    const sent = new Set(delivery.sentUserIds);
    const run = {
      organisationId,
      beforeDue: due.filter((d) => d.kind === "before_due" && sent.has(d.learner.userId)).length,
      afterDue: due.filter((d) => d.kind === "after_due" && sent.has(d.learner.userId)).length,
      recent: delivery.recentUserIds.length,
    };
    counts.push(run);
    if (sent.size > 0) {
      await recordAudit(db, {
        action: "reminders.sent",
        organisationId,
        targetType: "organisation",
        targetId: organisationId,
        details: { kind: "automatic", ...run, userIds: delivery.sentUserIds },
      });
    }
  }

  return counts;
}
