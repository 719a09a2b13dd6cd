import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { PhishingExerciseState } from "@/db/schema";
import { instantOrNull, int, selectRows, text } from "@/lib/read-model/sql-rows";

export type ExerciseSummary = {
  id: string;
  scenarioId: string;
  state: PhishingExerciseState;
  windowStartsOn: string;
  workingDays: number;
  teamIds: string[];
  assignModuleOnClick: boolean;
  /** Part of a centre exercise: launched, paused and resumed by the centre; the establishment may cancel it. */
  isCentreExercise: boolean;
  createdAt: Date;
  launchedAt: Date | null;
  staffInformedAt: Date | null;
  staffInformedByName: string | null;
  planned: number;
  sent: number;
  automaticOpens: number;
  clicks: number;
};

/**
 * An establishment's exercises, newest first, with their counts so far: its own, and its parts of
 * centre exercises (never another establishment's part: only its rows are read).
 */
export async function listExercises(db: Db, organisationId: string): Promise<ExerciseSummary[]> {
  return selectRows(
    db,
    sql`select e.id, e.scenario_id, e.state, e.window_starts_on::text as window_starts_on, e.working_days,
        array_to_string(e.team_ids, ',') as team_ids, e.assign_module_on_click,
        e.campaign_id is not null as is_centre_exercise, e.created_at, e.launched_at,
        e.staff_informed_at, u.name as informed_by,
        (select count(*) from phishing_recipients r where r.exercise_id = e.id) as planned,
        (select count(*) from phishing_recipients r where r.exercise_id = e.id and r.delivered_at is not null) as sent,
        (select count(*) from phishing_recipients r where r.exercise_id = e.id and r.automatic_opens > 0 and r.clicked_at is null) as automatic,
        (select count(*) from phishing_recipients r where r.exercise_id = e.id and r.clicked_at is not null) as clicks
      from phishing_exercises e left join users u on u.id = e.staff_informed_by
      where e.organisation_id = ${organisationId}::uuid
      order by e.created_at desc`,
    (row) => ({
      id: text(row, "id"),
      scenarioId: text(row, "scenario_id"),
      state: text(row, "state") as PhishingExerciseState,
      windowStartsOn: text(row, "window_starts_on"),
      workingDays: int(row, "working_days"),
      teamIds: text(row, "team_ids").split(",").filter(Boolean),
      assignModuleOnClick: row.assign_module_on_click === true,
      isCentreExercise: row.is_centre_exercise === true,
      createdAt: instantOrNull(row, "created_at")!,
      launchedAt: instantOrNull(row, "launched_at"),
      staffInformedAt: instantOrNull(row, "staff_informed_at"),
      staffInformedByName: row.informed_by === null ? null : text(row, "informed_by"),
      planned: int(row, "planned"),
      sent: int(row, "sent"),
      automaticOpens: int(row, "automatic"),
      clicks: int(row, "clicks"),
    }),
  );
}
