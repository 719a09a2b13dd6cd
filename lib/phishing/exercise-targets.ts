import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { selectRows, text, textOrNull } from "@/lib/read-model/sql-rows";

export type ExerciseTarget = { userId: string; name: string; email: string | null; teamId: string | null };

/**
 * The staff an exercise aims at: the establishment's active learners and managers, in the given
 * services (all of them when none is given). Those without an e-mail address come back with
 * `email: null`: the manager's page lists them as not reachable, and they get no message.
 */
export async function exerciseTargets(
  db: Db,
  options: { organisationId: string; teamIds: readonly string[] },
): Promise<ExerciseTarget[]> {
  const inTeams =
    options.teamIds.length > 0
      ? sql`and m.team_id in (${sql.join(
          options.teamIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`
      : sql``;

  return selectRows(
    db,
    sql`select u.id, coalesce(u.name, '') as name, u.email, m.team_id
      from memberships m join users u on u.id = m.user_id
      where m.organisation_id = ${options.organisationId}::uuid and m.role in ('learner', 'manager')
        and u.is_active and u.erased_at is null ${inTeams}
      order by u.name, u.id`,
    (row) => ({
      userId: text(row, "id"),
      name: text(row, "name"),
      email: textOrNull(row, "email"),
      teamId: textOrNull(row, "team_id"),
    }),
  );
}
