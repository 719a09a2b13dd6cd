import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { selectRows, text, textOrNull } from "@/lib/read-model/sql-rows";

export type ExerciseTarget = {
  userId: string;
  name: string;
  email: string | null;
  teamId: string | null;
  /** A target of another establishment of the same centre exercise, counted there (see below). */
  countedElsewhere: boolean;
};

export type ExerciseTargetsOptions = {
  organisationId: string;
  teamIds: readonly string[];
  /** A centre exercise's part: the establishments of all the parts launched with it. */
  campaignOrganisationIds?: readonly string[];
};

/**
 * The staff an exercise aims at: the establishment's active learners and managers, in the given
 * services (all of them when none is given). Those without an e-mail address come back with
 * `email: null`: the manager's page lists them as not reachable, and they get no message. In a
 * centre exercise, a person who is staff of several of its establishments is counted in the one
 * they joined first (oldest membership; same instant, smallest establishment id), and comes back
 * `countedElsewhere` from the others, so that they get one message only.
 */
export async function exerciseTargets(db: Db, options: ExerciseTargetsOptions): Promise<ExerciseTarget[]> {
  const inTeams = options.teamIds.length > 0 ? sql`and m.team_id in (${uuids(options.teamIds)})` : sql``;
  const others = (options.campaignOrganisationIds ?? []).filter((id) => id !== options.organisationId);
  const countedElsewhere =
    others.length > 0
      ? sql`exists (select 1 from memberships o where o.user_id = m.user_id and o.organisation_id in (${uuids(others)})
          and o.role in ('learner', 'manager') and (o.created_at, o.organisation_id) < (m.created_at, m.organisation_id))`
      : sql`false`;

  return selectRows(
    db,
    sql`select u.id, coalesce(u.name, '') as name, u.email, m.team_id, ${countedElsewhere} as counted_elsewhere
      from memberships m join users u on u.id = m.user_id
      where m.organisation_id = ${options.organisationId}::uuid and m.role in ('learner', 'manager')
        and u.is_active and u.erased_at is null ${inTeams}
      order by u.name, u.id`,
    (row) => ({
      userId: text(row, "id"),
      name: text(row, "name"),
      email: textOrNull(row, "email"),
      teamId: textOrNull(row, "team_id"),
      countedElsewhere: row.counted_elsewhere === true,
    }),
  );
}

export type LaunchTargets = {
  /** The people a launch plans a message for: reachable, and not counted in another part. */
  planned: ExerciseTarget[];
  /** Reachable, but counted in another establishment of the centre exercise. */
  countedElsewhere: number;
  /** Without an e-mail address: no message. */
  unreachable: number;
};

/**
 * Who launching an exercise sends a message to, and who not: the one rule for the launch
 * (planExerciseMessages) and for a draft's figures before it (countDraftMessages).
 */
export async function launchTargets(db: Db, options: ExerciseTargetsOptions): Promise<LaunchTargets> {
  const targets = await exerciseTargets(db, options);
  const reachable = targets.filter((target) => target.email);
  const planned = reachable.filter((target) => !target.countedElsewhere);

  return {
    planned,
    countedElsewhere: reachable.length - planned.length,
    unreachable: targets.length - reachable.length,
  };
}

const uuids = (ids: readonly string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
