import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organisations, reminders } from "@/db/schema";
import { publicOrigin } from "@/lib/http/public-origin";
import { SMTP_CONNECTIONS, sendMail } from "@/lib/mail/send-mail";
import { selectRows, text } from "@/lib/read-model/sql-rows";
import type { PendingLearner } from "./pending-learners";
import { renderReminderMail } from "./render-reminder-mail";

export type ReminderKind = "manual" | "before_due" | "after_due";

export type DeliverRemindersOptions = {
  organisationId: string;
  learners: { learner: PendingLearner; kind: ReminderKind }[];
  intervalDays: number;
  sentBy: string | null;
  asOf: Date;
};

export type DeliveryResult = { sentUserIds: string[]; recentUserIds: string[]; goneUserIds: string[] };

type Claim = "claimed" | "recent" | "gone";

/**
 * Records a reminder for one learner unless they had one from this establishment less than
 * `intervalDays` days ago. The learner's membership row is locked first (SELECT … FOR UPDATE),
 * so two managers or two instances reminding the same learner at once queue here: the
 * second one reads the first one's committed reminder and records nothing.
 */
async function claimReminder(
  db: Db,
  organisationId: string,
  learner: PendingLearner,
  kind: ReminderKind,
  options: DeliverRemindersOptions,
): Promise<Claim> {
  return db.transaction(async (tx) => {
    const member = await selectRows(
      tx,
      sql`select m.user_id from memberships m join users u on u.id = m.user_id
        where m.organisation_id = ${organisationId}::uuid and m.user_id = ${learner.userId}::uuid and m.role = 'learner' and u.is_active and u.email is not null
        for update of m`,
      (row) => text(row, "user_id"),
    );
    if (member.length === 0) return "gone";
    const recent = await selectRows(
      tx,
      sql`select id from reminders where organisation_id = ${organisationId}::uuid and user_id = ${learner.userId}::uuid
        and sent_at > ${options.asOf.toISOString()}::timestamptz - make_interval(days => ${options.intervalDays}::int) limit 1`,
      (row) => text(row, "id"),
    );
    if (recent.length > 0) return "recent";
    await tx.insert(reminders).values({
      organisationId,
      userId: learner.userId,
      assignmentId: learner.pending[0]?.target.id ?? null,
      kind,
      sentBy: options.sentBy,
      sentAt: options.asOf,
    });

    return "claimed";
  });
}

/** Learners reminded side by side: as many as the mail path's SMTP connections. */
const CONCURRENT_REMINDERS = SMTP_CONNECTIONS;

/**
 * Sends each learner their reminder through the same mail path as sign-in links (SMTP, or the
 * local mailbox), at most once per interval; the reminder is recorded before the mail leaves.
 * A few learners at a time, so that reminding a large establishment takes seconds, not minutes;
 * the result lists learners in the order given.
 */
export async function deliverReminders(db: Db, options: DeliverRemindersOptions): Promise<DeliveryResult> {
  const result: DeliveryResult = { sentUserIds: [], recentUserIds: [], goneUserIds: [] };
  if (options.learners.length === 0) return result;
  const [organisation] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, options.organisationId));
  const modulesUrl = new URL("/modules", publicOrigin()).toString();

  const claims: Claim[] = new Array(options.learners.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    // After a failure (the database gone), the others finish the learner they hold and stop.
    while (next < options.learners.length && !failure) {
      const index = next++;
      const { learner, kind } = options.learners[index]!;
      try {
        claims[index] = await claimReminder(db, options.organisationId, learner, kind, options);
        if (claims[index] !== "claimed") continue;
        const mail = renderReminderMail({
          locale: learner.locale,
          organisationName: organisation?.name ?? "",
          pending: learner.pending,
          modulesUrl,
        });
        await sendMail(db, {
          ...mail,
          to: learner.email,
          kind: `reminder_${kind}`,
          organisationId: options.organisationId,
        });
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_REMINDERS, options.learners.length) }, worker));
  if (failure) throw failure.error;

  for (const [index, { learner }] of options.learners.entries()) {
    if (claims[index] === "claimed") result.sentUserIds.push(learner.userId);
    if (claims[index] === "recent") result.recentUserIds.push(learner.userId);
    if (claims[index] === "gone") result.goneUserIds.push(learner.userId);
  }

  return result;
}
