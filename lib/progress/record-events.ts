import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { type Db, prepareStatement, preparedPerDb } from "@/db/client";
import { learningEvents } from "@/db/schema";
import type { Catalogue } from "@/lib/courses/types";
import { AppError } from "@/lib/errors";
import type { LearningEventInput } from "./event-schema";
import { claimQuizDraws } from "./claim-quiz-draws";
import type { QuizResult } from "./grade-quiz";
import { type CheckedEvent, type EventRejection, validateEvent } from "./validate-event";
import {
  type LearnerSource,
  type SessionCheck,
  writeEventsStatement,
  writeEventsValues,
} from "./write-events-statement";

const uuid = z.guid();

// The events route runs it on every request: prepared (preparedPerDb), one statement per kind of learner.
type WrittenRow = { event_id: string | null };
const writeGivenLearner = preparedPerDb((db) =>
  prepareStatement<WrittenRow>(db, "record_events", writeEventsStatement("given")),
);
const writeSessionLearner = preparedPerDb((db) =>
  prepareStatement<WrittenRow>(db, "record_session_events", writeEventsStatement("session")),
);

export type Learner = { userId: string; organisationId: string };

export type EventOutcome = { eventId: string; status: "recorded" | "duplicate"; quizResult?: QuizResult };

export type RecordEventsResult = { outcomes: EventOutcome[] };

export class EventsRejectedError extends AppError {
  constructor(readonly rejections: EventRejection[]) {
    const code = rejections.some((r) => r.code === "stale_content")
      ? "stale_content"
      : rejections.some((r) => r.code === "not_found")
        ? "not_found"
        : "bad_request";
    super(code, rejections.map((r) => `${r.eventId}: ${r.reason}`).join("; "));
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
  return (await writeEvents(db, options.learner, options))!;
}

/**
 * recordEvents for the signed-in user `userId` of the events route: the same statement also
/**
 * re-reads the account (active), its session (live) and its current establishment (the one it
 * chose, checked against its memberships, or its only one), as the API guard would, so the
 * session check and the write cost one round trip. Null, with nothing stored, when that user may
 * not record (deactivated, deleted, in no establishment, several and none chosen, session ended
 * or idle): the caller asks the guard why.
 */
export async function recordSessionEvents(
  db: Db,
  options: {
    userId: string;
    session: SessionCheck;
    chosenOrganisationId?: string | null;
    events: LearningEventInput[];
    catalogue: Catalogue;
    now?: Date;
  },
): Promise<RecordEventsResult | null> {
  // A malformed choice (the cookie is the browser's) would be a database error: it chooses nothing.
  const chosenOrganisationId = uuid.safeParse(options.chosenOrganisationId).success
    ? options.chosenOrganisationId
    : null;

  return writeEvents(db, { userId: options.userId, session: options.session, chosenOrganisationId }, options);
}

async function writeEvents(
  db: Db,
  learner: LearnerSource,
  options: { events: LearningEventInput[]; catalogue: Catalogue; now?: Date },
): Promise<RecordEventsResult | null> {
  const { events, catalogue } = options;
  const now = options.now ?? new Date();
  if (events.some((event) => event.learnerId !== learner.userId)) {
    throw new AppError("forbidden", "batch holds events of another learner");
  }
  // The same event twice in one batch is one event.
  const unique = [...new Map(events.map((event) => [event.eventId, event])).values()];
  const draws = await claimQuizDraws(db, learner.userId, unique);
  const checked: CheckedEvent[] = [];
  const rejections: EventRejection[] = [];
  for (const event of unique) {
    const result = validateEvent(catalogue, event, now, draws);
    if ("code" in result) rejections.push(result);
    else checked.push(result);
  }
  if (rejections.length > 0) throw new EventsRejectedError(rejections);

  // One statement: insert the events, fold the new ones into the progress rows. Atomic on its own.
  const statement = "organisationId" in learner ? writeGivenLearner(db) : writeSessionLearner(db);
  const rows = await statement.execute(writeEventsValues(learner, checked, now));
  if (rows.length === 0) return null;
  const insertedIds = new Set(rows.flatMap((row) => (row.event_id ? [row.event_id] : [])));
  const earlierResults = await readEarlierQuizResults(db, learner.userId, checked, insertedIds);
  const byId = new Map(checked.map((event) => [event.input.eventId, event]));
  const seen = new Set<string>();

  return {
    outcomes: events.map((input) => {
      const event = byId.get(input.eventId)!;
      const isNew = insertedIds.has(input.eventId);
      const recorded = isNew && !seen.has(input.eventId);
      seen.add(input.eventId);
      const quizResult = isNew ? event.quizResult : earlierResults.get(input.eventId);

      return {
        eventId: input.eventId,
        status: recorded ? "recorded" : "duplicate",
        ...(quizResult ? { quizResult } : {}),
      };
    }),
  };
}

/** A retried quiz submission gets the grading it had the first time. */
async function readEarlierQuizResults(db: Db, userId: string, events: CheckedEvent[], insertedIds: Set<string>) {
  const duplicates = events
    .filter((e) => e.input.kind === "quiz_submitted" && !insertedIds.has(e.input.eventId))
    .map((e) => e.input.eventId);
  if (duplicates.length === 0) return new Map<string, QuizResult>();
  const rows = await db
    .select({ eventId: learningEvents.eventId, payload: learningEvents.payload })
    .from(learningEvents)
    .where(and(eq(learningEvents.userId, userId), inArray(learningEvents.eventId, duplicates)));

  return new Map(rows.map((row) => [row.eventId, row.payload.result as QuizResult]));
}
