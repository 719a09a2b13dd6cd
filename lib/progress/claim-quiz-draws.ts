import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { DrawnQuestion } from "@/db/schema";
import type { LearningEventInput } from "./event-schema";
import type { ClaimedDraw } from "./validate-event";

/**
 * Gives each quiz submission of the batch the draw it names, if that draw is the learner's and
 * unused or already used by this very event (a retry): one statement, so that two different
 * submissions can never both use one draw (the second finds it claimed). Draws named by no
 * submission, or claimed by another, are absent from the result.
 */
export async function claimQuizDraws(
  db: Db,
  userId: string,
  events: LearningEventInput[],
): Promise<Map<string, ClaimedDraw>> {
  const claims = events.flatMap((event) =>
    event.kind === "quiz_submitted" && event.drawId ? [{ drawId: event.drawId, eventId: event.eventId }] : [],
  );
  if (claims.length === 0) return new Map();
  const result = await db.execute(sql`
    update quiz_draws d set submitted_event_id = c.event_id, submitted_at = coalesce(d.submitted_at, now())
    from (select distinct on (draw_id) draw_id, event_id
          from unnest(${sql.param(claims.map((c) => c.drawId))}::uuid[], ${sql.param(claims.map((c) => c.eventId))}::uuid[]) as c (draw_id, event_id)
          order by draw_id, event_id) c
    where d.id = c.draw_id and d.user_id = ${userId}::uuid and (d.submitted_event_id is null or d.submitted_event_id = c.event_id)
    returning d.id, d.module_id, d.module_version, d.step_id, d.questions, d.submitted_event_id`);
  const rows = (
    result as unknown as {
      rows: {
        id: string;
        module_id: string;
        module_version: number;
        step_id: string;
        questions: DrawnQuestion[];
        submitted_event_id: string;
      }[];
    }
  ).rows;

  return new Map(
    rows.map((row) => [
      row.id,
      {
        moduleId: row.module_id,
        moduleVersion: row.module_version,
        stepId: row.step_id,
        questionIds: row.questions.map((q) => q.questionId),
        submittedEventId: row.submitted_event_id,
      },
    ]),
  );
}
