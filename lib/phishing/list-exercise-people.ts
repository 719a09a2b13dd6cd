import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { instantOrNull, selectRows, text, textOrNull } from "@/lib/read-model/sql-rows";

export type ExercisePerson = {
  userId: string;
  name: string;
  teamName: string | null;
  deliveredAt: Date | null;
  clickedAt: Date | null;
  reportedAt: Date | null;
};

/**
 * Each person an exercise aimed at, by name, with what they did: the exercise's own recipients
 * only (a person who belongs to several establishments appears with this exercise's result, never
 * another's). The caller has checked the reader may see it (lib/access/phishing-individual-results.ts).
 */
export async function listExercisePeople(
  db: Db,
  options: { exerciseId: string; organisationId: string },
): Promise<ExercisePerson[]> {
  return selectRows(
    db,
    sql`select r.user_id, coalesce(u.name, u.email, '') as name, t.name as team_name, r.delivered_at, r.clicked_at, r.reported_at
      from phishing_recipients r
        join users u on u.id = r.user_id
        left join teams t on t.id = r.team_id
      where r.exercise_id = ${options.exerciseId}::uuid and r.organisation_id = ${options.organisationId}::uuid
      order by lower(coalesce(u.name, u.email, '')), r.user_id`,
    (row) => ({
      userId: text(row, "user_id"),
      name: text(row, "name"),
      teamName: textOrNull(row, "team_name"),
      deliveredAt: instantOrNull(row, "delivered_at"),
      clickedAt: instantOrNull(row, "clicked_at"),
      reportedAt: instantOrNull(row, "reported_at"),
    }),
  );
}
