import { z } from "zod";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/load-actor";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Catalogue } from "@/lib/courses/types";
import { requireManagedEstablishment } from "@/lib/access/managed-establishments";
import { deliverReminders } from "./deliver-reminders";
import { pendingLearners } from "./pending-learners";
import { getReminderSettings } from "./reminder-settings";

/** At most this many learners ticked at once (a page holds 50). */
export const MAX_SELECTED = 500;

export type RemindLearnersOptions = {
  actor: Actor;
  organisationId: string;
  /** The learners ticked, or every late learner of the establishment. */
  target: { userIds: string[] } | "late";
  catalogue: Catalogue;
  asOf: Date;
};

export type RemindLearnersResult = {
  sent: number;
  /** Reminded less than `intervalDays` days ago. */
  recent: number;
  /** Nothing left to do: everything assigned to them is done (or nothing is assigned). */
  done: number;
  /** Deactivated, without an e-mail address, or not a learner of the establishment. */
  unreachable: number;
  intervalDays: number;
};

/**
 * A manager's reminder to late learners, all or those ticked: never to one who has completed
 * everything assigned, is deactivated or has no e-mail, never twice within the establishment's
 * interval; logged in `reminders` and in the audit log. Outsiders get not_found, nothing sent.
 */
export async function remindLearners(db: Db, options: RemindLearnersOptions): Promise<RemindLearnersResult> {
  const { target } = options;
  const establishment = await requireManagedEstablishment(db, options.actor, options.organisationId);
  // Anything that is not a uuid cannot be one of the establishment's learners: it counts as unreachable.
  const userIds = target === "late" ? undefined : [...new Set(target.userIds)].slice(0, MAX_SELECTED);
  const validIds = userIds?.filter((id) => z.guid().safeParse(id).success);
  const [settings, learners] = await Promise.all([
    getReminderSettings(db, establishment.id),
    pendingLearners(db, {
      organisationId: establishment.id,
      catalogue: options.catalogue,
      asOf: options.asOf,
      userIds: validIds,
      statuses: target === "late" ? ["late"] : undefined,
    }),
  ]);
  const toRemind = learners.filter((l) => l.status !== null && l.status !== "done" && l.pending.length > 0);
  const delivery = await deliverReminders(db, {
    organisationId: establishment.id,
    learners: toRemind.map((learner) => ({ learner, kind: "manual" as const })),
    intervalDays: settings.intervalDays,
    sentBy: options.actor.userId,
    asOf: options.asOf,
  });
  const done = learners.length - toRemind.length;
  const result: RemindLearnersResult = {
    sent: delivery.sentUserIds.length,
    recent: delivery.recentUserIds.length,
    done,
    unreachable: userIds ? userIds.length - learners.length + delivery.goneUserIds.length : delivery.goneUserIds.length,
    intervalDays: settings.intervalDays,
  };
  await recordAudit(db, {
    action: "reminders.sent",
    actorUserId: options.actor.userId,
    organisationId: establishment.id,
    targetType: "organisation",
    targetId: establishment.id,
    details: {
      kind: "manual",
      scope: target === "late" ? "late" : "selected",
      sent: result.sent,
      recent: result.recent,
      done: result.done,
      unreachable: result.unreachable,
      userIds: delivery.sentUserIds,
    },
  });

  return result;
}
