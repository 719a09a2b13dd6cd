import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { instantOrNull, selectRows, text } from "@/lib/read-model/sql-rows";

export type OwnExerciseResult = {
  recipientId: string;
  organisationName: string;
  scenarioId: string;
  receivedAt: Date;
  clickedAt: Date | null;
  reportedAt: Date | null;
  moduleAssigned: boolean;
};

/**
 * The exercises whose message reached the person, newest first, with what they did: for their own
 * eyes only (« Mon compte »). An exercise still sending is shown only once the person clicked or
 * reported (they know then): otherwise the page would tell them, and their colleagues through
 * them, that the message in their inbox is an exercise.
 */
export async function listOwnResults(db: Db, userId: string): Promise<OwnExerciseResult[]> {
  return selectRows(
    db,
    sql`select r.id, o.name as organisation_name, e.scenario_id, r.delivered_at, r.clicked_at, r.reported_at,
        r.module_assigned_at
      from phishing_recipients r
        join phishing_exercises e on e.id = r.exercise_id
        join organisations o on o.id = r.organisation_id
      where r.user_id = ${userId}::uuid and r.delivered_at is not null
        and (e.state in ('done', 'cancelled') or r.clicked_at is not null or r.reported_at is not null)
      order by r.delivered_at desc, r.id`,
    (row) => ({
      recipientId: text(row, "id"),
      organisationName: text(row, "organisation_name"),
      scenarioId: text(row, "scenario_id"),
      receivedAt: instantOrNull(row, "delivered_at")!,
      clickedAt: instantOrNull(row, "clicked_at"),
      reportedAt: instantOrNull(row, "reported_at"),
      moduleAssigned: row.module_assigned_at !== null,
    }),
  );
}
