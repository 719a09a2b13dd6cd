import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type PhishingExercise, phishingExercises, phishingRecipients } from "@/db/schema";
import { requireManagedEstablishment } from "@/lib/access/managed-establishments";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors";
import { launchTargets } from "./exercise-targets";
import { planSendTimes } from "./plan-send-times";

export type LaunchExerciseOptions = {
  actor: Actor;
  organisationId: string;
  exerciseId: string;
  /** The manager ticked "staff were told beforehand": without it nothing is launched. */
  staffInformed: boolean;
  now: Date;
  random?: () => number;
};

const INSERT_CHUNK = 1_000;

/**
 * Launches a draft exercise of an establishment the actor manages: plans one message per
 * reachable person (an e-mail address, active), at random times over the window's working
 * hours, and records who confirmed that staff were told, and when. All in one transaction,
 * the exercise row locked, so that launching twice plans nothing twice. Returns how many
 * messages were planned and how many people could not be reached.
 */
export async function launchExercise(db: Db, options: LaunchExerciseOptions) {
  const establishment = await requireManagedEstablishment(db, options.actor, options.organisationId);
  if (!options.staffInformed) throw new AppError("bad_request", "staff information not confirmed");

  return db.transaction(async (tx) => {
    const [exercise] = await tx
      .select()
      .from(phishingExercises)
      .where(and(eq(phishingExercises.id, options.exerciseId), eq(phishingExercises.organisationId, establishment.id)))
      .for("update");
    if (!exercise) throw new AppError("not_found", "exercise of another establishment");
    if (exercise.state !== "draft") throw new AppError("conflict", "exercise already launched");

    // A centre exercise's part is launched with the others, from the centre (launch-campaign.ts).
    if (exercise.campaignId) throw new AppError("conflict", "launched by the centre");

    return planExerciseMessages(tx, { ...options, exercise });
  });
}

export type PlanExerciseMessagesOptions = {
  actor: Actor;
  /** The draft exercise, its row already locked by the caller's transaction. */
  exercise: PhishingExercise;
  now: Date;
  random?: () => number;
  /** Written into the audit entry: the centre exercise this part belongs to. */
  campaignId?: string;
  /** A centre exercise's launch: the establishments of every part launched (launchTargets). */
  campaignOrganisationIds?: readonly string[];
};

/**
 * Plans a locked draft exercise's messages and marks it running, in the caller's transaction:
 * the part launchExercise and launchCampaign share. bad_request when nobody can be reached or
 * no working hour is left in the window, and then nothing is written. A part whose reachable
 * people are all counted in another part of its centre exercise is launched with no message.
 */
export async function planExerciseMessages(tx: Db, options: PlanExerciseMessagesOptions) {
  const { exercise } = options;
  const organisationId = exercise.organisationId;
  const { campaignOrganisationIds } = options;
  const { planned, countedElsewhere, unreachable } = await launchTargets(tx, {
    organisationId,
    teamIds: exercise.teamIds,
    campaignOrganisationIds,
  });
  if (planned.length + countedElsewhere === 0) throw new AppError("bad_request", "nobody reachable");
  const times = planSendTimes({
    count: planned.length,
    windowStartsOn: exercise.windowStartsOn,
    workingDays: exercise.workingDays,
    notBefore: options.now,
    random: options.random,
  });
  if (planned.length > 0 && times.length === 0)
    throw new AppError("bad_request", "no working hours left in the window");

  // Times are sorted; people are not: shuffle who gets which time.
  const order = planned.map((target) => ({ target, key: (options.random ?? Math.random)() }));
  order.sort((a, b) => a.key - b.key);
  const rows = order.map(({ target }, index) => ({
    exerciseId: exercise.id,
    organisationId,
    userId: target.userId,
    teamId: target.teamId,
    plannedAt: times[index]!,
  }));
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    await tx.insert(phishingRecipients).values(rows.slice(start, start + INSERT_CHUNK));
  }
  await tx
    .update(phishingExercises)
    .set({
      state: "running",
      staffInformedAt: options.now,
      staffInformedBy: options.actor.userId,
      launchedAt: options.now,
    })
    .where(eq(phishingExercises.id, exercise.id));
  await recordAudit(tx, {
    action: "phishing_exercise.launched",
    actorUserId: options.actor.userId,
    organisationId,
    targetType: "phishing_exercise",
    targetId: exercise.id,
    details: {
      planned: rows.length,
      unreachable,
      ...(options.campaignId ? { campaignId: options.campaignId } : {}),
    },
  });

  return { planned: rows.length, unreachable };
}
