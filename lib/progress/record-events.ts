import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { learningEvents, moduleProgress } from "@/db/schema";
import type { Catalogue } from "@/lib/courses/types";
import { AppError } from "@/lib/errors";
import type { LearningEventInput } from "./event-schema";
import type { QuizResult } from "./grade-quiz";
import { type ModuleProgressDelta, foldEvents } from "./fold-events";
import { type CheckedEvent, type EventRejection, validateEvent } from "./validate-event";

export type Learner = { userId: string; organisationId: string };

export type EventOutcome = { eventId: string; status: "recorded" | "duplicate"; quizResult?: QuizResult };

export type RecordEventsResult = { outcomes: EventOutcome[] };

export class EventsRejectedError extends AppError {
  constructor(readonly rejections: EventRejection[]) {
    super(rejections.some((r) => r.code === "stale_content") ? "stale_content" : rejections[0]?.code === "not_found" ? "not_found" : "bad_request",
      rejections.map((r) => `${r.eventId}: ${r.reason}`).join("; "));
  }
}

/**
 * Stores a learner's events exactly once and moves their progress forward. A retried or
 * duplicated event changes nothing; events may arrive in any order and still give the same
 * progress. A batch with any invalid event, or any event of another learner, stores nothing.
 */
export async function recordEvents(
  db: Db,
  options: { learner: Learner; events: LearningEventInput[]; catalogue: Catalogue; now?: Date },
): Promise<RecordEventsResult> {
  const { learner, events, catalogue } = options;
  const now = options.now ?? new Date();
  if (events.some((event) => event.learnerId !== learner.userId)) {
    throw new AppError("forbidden", "batch holds events of another learner");
  }
  const checked: CheckedEvent[] = [];
  const rejections: EventRejection[] = [];
  // The same event twice in one batch is one event.
  const unique = [...new Map(events.map((event) => [event.eventId, event])).values()];
  for (const event of unique) {
    const result = validateEvent(catalogue, event, now);
    if ("code" in result) rejections.push(result);
    else checked.push(result);
  }
  if (rejections.length > 0) throw new EventsRejectedError(rejections);

  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(learningEvents)
      .values(
        checked.map((event) => ({
          eventId: event.input.eventId,
          userId: learner.userId,
          organisationId: learner.organisationId,
          moduleId: event.module.id,
          moduleVersion: event.module.version,
          kind: event.input.kind,
          stepId: event.input.stepId,
          payload: { ...event.payload, activeSeconds: event.input.activeSeconds },
          occurredAt: event.occurredAt,
        })),
      )
      .onConflictDoNothing({ target: [learningEvents.userId, learningEvents.eventId] })
      .returning({ eventId: learningEvents.eventId });
    const insertedIds = new Set(inserted.map((row) => row.eventId));

    for (const delta of foldEvents(checked.filter((event) => insertedIds.has(event.input.eventId)))) {
      await upsertProgress(tx, learner, delta);
    }
    const earlierResults = await readEarlierQuizResults(tx, learner.userId, checked, insertedIds);

    return {
      outcomes: events.map((input, index) => {
        const event = checked.find((candidate) => candidate.input.eventId === input.eventId)!;
        const isFirstCopy = events.findIndex((other) => other.eventId === input.eventId) === index;
        const recorded = isFirstCopy && insertedIds.has(event.input.eventId);
        const quizResult = insertedIds.has(event.input.eventId) ? event.quizResult : earlierResults.get(event.input.eventId);
        return { eventId: event.input.eventId, status: recorded ? "recorded" : "duplicate", ...(quizResult ? { quizResult } : {}) };
      }),
    };
  });
}

/** One statement per module: every column merges with greatest/least/sum, so order does not matter. */
async function upsertProgress(db: Db, learner: Learner, delta: ModuleProgressDelta): Promise<void> {
  const t = moduleProgress;
  const merged = {
    reachedEnd: sql`least(${t.reachedEndAt}, excluded.reached_end_at)`,
    quizPassed: sql`least(${t.quizPassedAt}, excluded.quiz_passed_at)`,
  };
  const isLater = sql`(excluded.last_activity_at > ${t.lastActivityAt} or (excluded.last_activity_at = ${t.lastActivityAt} and excluded.last_step_index > ${t.lastStepIndex}))`;
  const completedAt = delta.hasQuiz
    ? sql`case when ${merged.reachedEnd} is not null and ${merged.quizPassed} is not null then greatest(${merged.reachedEnd}, ${merged.quizPassed}) end`
    : merged.reachedEnd;

  await db
    .insert(t)
    .values({
      userId: learner.userId,
      moduleId: delta.moduleId,
      organisationId: learner.organisationId,
      moduleVersion: delta.moduleVersion,
      furthestStepIndex: delta.furthestStepIndex,
      lastStepId: delta.lastStepId,
      lastStepIndex: delta.lastStepIndex,
      bestScore: delta.bestScore,
      quizPassedAt: delta.quizPassedAt,
      reachedEndAt: delta.reachedEndAt,
      completedAt: delta.completedAt,
      completedVersion: delta.completedAt ? delta.moduleVersion : null,
      timeSpentSeconds: delta.activeSeconds,
      startedAt: delta.firstAt,
      lastActivityAt: delta.lastAt,
    })
    .onConflictDoUpdate({
      target: [t.userId, t.moduleId],
      set: {
        moduleVersion: sql`greatest(${t.moduleVersion}, excluded.module_version)`,
        furthestStepIndex: sql`greatest(${t.furthestStepIndex}, excluded.furthest_step_index)`,
        // The step of the latest event wins; on a tie, the further step.
        lastStepId: sql`case when ${isLater} then excluded.last_step_id else ${t.lastStepId} end`,
        lastStepIndex: sql`case when ${isLater} then excluded.last_step_index else ${t.lastStepIndex} end`,
        bestScore: sql`greatest(${t.bestScore}, excluded.best_score)`,
        quizPassedAt: merged.quizPassed,
        reachedEndAt: merged.reachedEnd,
        completedAt,
        completedVersion: sql`coalesce(${t.completedVersion}, case when (${completedAt}) is not null then excluded.module_version end)`,
        timeSpentSeconds: sql`${t.timeSpentSeconds} + excluded.time_spent_seconds`,
        startedAt: sql`least(${t.startedAt}, excluded.started_at)`,
        lastActivityAt: sql`greatest(${t.lastActivityAt}, excluded.last_activity_at)`,
      },
    });
}

/** A retried quiz submission gets the grading it had the first time. */
async function readEarlierQuizResults(db: Db, userId: string, events: CheckedEvent[], insertedIds: Set<string>) {
  const duplicates = events.filter((e) => e.input.kind === "quiz_submitted" && !insertedIds.has(e.input.eventId)).map((e) => e.input.eventId);
  if (duplicates.length === 0) return new Map<string, QuizResult>();
  const rows = await db
    .select({ eventId: learningEvents.eventId, payload: learningEvents.payload })
    .from(learningEvents)
    .where(and(eq(learningEvents.userId, userId), inArray(learningEvents.eventId, duplicates)));

  return new Map(rows.map((row) => [row.eventId, row.payload.result as QuizResult]));
}
