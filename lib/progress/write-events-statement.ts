import { type SQL, sql } from "drizzle-orm";
import { MAX_ACTIVE_SECONDS } from "./event-schema";
import type { CheckedEvent } from "./validate-event";

/** A session as the guards check it (lib/auth/load-actor.ts, loadSessionActor). */
export type SessionCheck = { id: string; now: Date; idleSince: Date; touchBefore: Date };

/**
 * Whose events: a given learner, or (organisationId absent) the user of a live session, re-read
 * here, in the establishment they chose (chosenOrganisationId, from the current-establishment cookie).
 */
export type LearnerSource =
  | { userId: string; organisationId: string }
  | { userId: string; session: SessionCheck; chosenOrganisationId?: string | null };

// The session's user as loadSessionActor + currentEstablishment see them: an active account whose
// session is live (known, before its end, used within the idle timeout), in the establishment it
// chose among its own, or in its only one; none when it belongs to several and chose none (never
// one picked by name), nor while a manager's or admin's session waits for its second factor
// (lib/access/second-factor.ts). Read by the write itself, so that a deactivated account, an ended session
// or a forged choice stores nothing, in one round trip.
const sessionLearner = sql`select u.id as user_id, m.organisation_id
      from users u join memberships m on m.user_id = u.id join organisations o on o.id = m.organisation_id
      join user_sessions s on s.id = ${sql.placeholder("sessionId")}::uuid and s.user_id = u.id
        and s.expires_at > ${sql.placeholder("sessionNow")}::timestamptz and s.last_seen_at > ${sql.placeholder("idleSince")}::timestamptz
        and (s.second_factor_at is not null or not exists (
          select 1 from memberships sm join organisations so on so.id = sm.organisation_id
          where sm.user_id = u.id and (sm.role = 'admin' or (sm.role = 'manager' and so.managers_need_second_factor))))
      where u.id = ${sql.placeholder("userId")}::uuid and u.is_active and o.kind = 'establishment'
        and (m.organisation_id = ${sql.placeholder("chosenOrganisationId")}::uuid or not exists (
          select 1 from memberships other join organisations oo on oo.id = other.organisation_id
          where other.user_id = u.id and oo.kind = 'establishment' and other.organisation_id <> m.organisation_id))
      limit 1`;

// Sending events is using the session: its last use is moved, at most once a minute.
const touchSession = sql`,
    touched as (
      update user_sessions set last_seen_at = ${sql.placeholder("sessionNow")}::timestamptz
      where id = ${sql.placeholder("sessionId")}::uuid and last_seen_at < ${sql.placeholder("touchBefore")}::timestamptz and exists (select 1 from learner)
    )`;

// Completion is the later of "reached the end" and "passed the quiz", each the earliest seen:
// a function of merged values, so the first completion date is kept in any order.
const mergedCompletedAt = (moduleHasQuiz: SQL) => sql`(case
          when least(p.reached_end_at, excluded.reached_end_at) is null then null
          when ${moduleHasQuiz} and least(p.quiz_passed_at, excluded.quiz_passed_at) is null then null
          else greatest(least(p.reached_end_at, excluded.reached_end_at), least(p.quiz_passed_at, excluded.quiz_passed_at))
        end)`;

/**
 * The single statement behind recordEvents. `incoming` holds the batch; `inserted` keeps the
 * events not stored before (ON CONFLICT on (user_id, event_id)); `delta` folds only those per
 * module; the upsert merges every column with greatest/least/sum, so that events give the
 * same row whatever order or grouping they arrive in. It returns the ids it inserted.
 *
 * Completions: completed_at is the first (earliest end reached and earliest quiz passed);
 * last_completed_at is the latest, for yearly renewal. A module is completed again by an event
 * that finishes it on its own, once it has been completed: a passing quiz submission when the
 * module has a quiz (walking to the last step again does not renew it), a view of the last step
 * when it has none. last_finish_at keeps the latest such event even before the first
 * completion, so that last_completed_at = greatest(completed_at, last_finish_at) is a function of
 * merged values, whatever order the events come in.
 *
 * `learner` is one row, or none when the session's user may not record (then nothing is
 * written); the statement returns one row per inserted event id, and a row with a null id when
 * the learner is there but every event was stored before: no row at all means no learner.
 *
 * Its text is fixed and its values are placeholders (writeEventsValues): one statement for a
 * given learner, one for a session's, each built and prepared once (record-events.ts).
 */
export function writeEventsStatement(learner: "given" | "session"): SQL {
  // Whether the row's module has a quiz, known from the catalogue: a constant test rather than a
  // subquery per conflicting row (it appears three times in the update; measured by bench:progress).
  const moduleHasQuiz = sql`(p.module_id = any(${sql.placeholder("quizModuleIds")}::text[]))`;
  const completedAt = mergedCompletedAt(moduleHasQuiz);
  const column = (name: keyof ReturnType<typeof eventColumns>) => sql.placeholder(name);

  return sql`
    with learner as (
      ${learner === "given" ? sql`select ${sql.placeholder("userId")}::uuid as user_id, ${sql.placeholder("organisationId")}::uuid as organisation_id` : sessionLearner}
    )${learner === "session" ? touchSession : sql``},
    incoming as (
      select * from unnest(
        ${column("eventIds")}::uuid[], ${column("moduleIds")}::text[], ${column("moduleVersions")}::int[],
        ${column("kinds")}::text[], ${column("stepIds")}::text[], ${column("stepIndexes")}::int[],
        ${column("payloads")}::jsonb[],
        ${column("occurredAts")}::timestamptz[], ${column("activeSeconds")}::int[],
        ${column("scores")}::int[], ${column("passed")}::boolean[],
        ${column("reachesEnd")}::boolean[], ${column("hasQuiz")}::boolean[]
      ) as incoming (event_id, module_id, module_version, kind, step_id, step_index, payload, occurred_at, active_seconds, score, passed, reaches_end, has_quiz)
    ),
    inserted as (
      insert into learning_events (event_id, user_id, organisation_id, module_id, module_version, kind, step_id, payload, occurred_at)
      select i.event_id, l.user_id, l.organisation_id, i.module_id, i.module_version, i.kind, i.step_id, i.payload, i.occurred_at
      from incoming i cross join learner l
      -- Rows in a fixed order (here and in the upsert below): two requests of one learner that
      -- carry some of the same events (a retry beside a second tab) then wait for each other
      -- key by key in the same order, and cannot deadlock.
      order by i.event_id
      on conflict (user_id, event_id) do nothing
      returning event_id
    ),
    received as (select ${sql.placeholder("receivedAt")}::timestamptz as at),
    -- Dates are the server's reception time, never the browser's (no backdating); the browser's
    -- order only says which step of the batch came last. A batch credits at most MAX_ACTIVE_SECONDS
    -- of activity, and (in the update) no more than the time since the module's last reception.
    delta as (
      select i.module_id,
        max(i.module_version) as module_version,
        max(i.step_index) as furthest_step_index,
        (array_agg(i.step_id order by i.occurred_at desc, i.step_index desc))[1] as last_step_id,
        (array_agg(i.step_index order by i.occurred_at desc, i.step_index desc))[1] as last_step_index,
        max(i.score) as best_score,
        case when bool_or(i.passed) then r.at end as quiz_passed_at,
        case when bool_or(i.reaches_end) then r.at end as reached_end_at,
        case when bool_or((i.has_quiz and i.passed) or (not i.has_quiz and i.reaches_end)) then r.at end as last_finish_at,
        bool_or(i.has_quiz) as has_quiz,
        least(sum(i.active_seconds), ${sql.raw(String(MAX_ACTIVE_SECONDS))})::int as time_spent_seconds,
        r.at as started_at,
        r.at as last_activity_at
      from incoming i join inserted using (event_id) cross join received r
      group by i.module_id, r.at
    ),
    upserted as (
      insert into module_progress as p (user_id, module_id, organisation_id, module_version, furthest_step_index, last_step_id, last_step_index,
        best_score, quiz_passed_at, reached_end_at, completed_at, completed_version, last_finish_at, last_completed_at, time_spent_seconds, started_at, last_activity_at)
      select l.user_id, d.module_id, l.organisation_id, d.module_version, d.furthest_step_index, d.last_step_id, d.last_step_index,
        d.best_score, d.quiz_passed_at, d.reached_end_at,
        case when d.reached_end_at is not null and (not d.has_quiz or d.quiz_passed_at is not null) then greatest(d.reached_end_at, d.quiz_passed_at) end,
        case when d.reached_end_at is not null and (not d.has_quiz or d.quiz_passed_at is not null) then d.module_version end,
        d.last_finish_at,
        case when d.reached_end_at is not null and (not d.has_quiz or d.quiz_passed_at is not null) then greatest(d.reached_end_at, d.quiz_passed_at, d.last_finish_at) end,
        d.time_spent_seconds, d.started_at, d.last_activity_at
      from delta d cross join learner l
      order by d.module_id
      on conflict (user_id, module_id) do update set
        module_version = greatest(p.module_version, excluded.module_version),
        furthest_step_index = greatest(p.furthest_step_index, excluded.furthest_step_index),
        -- The step of the latest event is where "Reprendre" goes; on a tie, the further step.
        last_step_id = case when (excluded.last_activity_at, excluded.last_step_index) > (p.last_activity_at, p.last_step_index) then excluded.last_step_id else p.last_step_id end,
        last_step_index = case when (excluded.last_activity_at, excluded.last_step_index) > (p.last_activity_at, p.last_step_index) then excluded.last_step_index else p.last_step_index end,
        best_score = greatest(p.best_score, excluded.best_score),
        quiz_passed_at = least(p.quiz_passed_at, excluded.quiz_passed_at),
        reached_end_at = least(p.reached_end_at, excluded.reached_end_at),
        completed_at = ${completedAt},
        completed_version = coalesce(p.completed_version, case
          when least(p.reached_end_at, excluded.reached_end_at) is not null
            and (not ${moduleHasQuiz} or least(p.quiz_passed_at, excluded.quiz_passed_at) is not null)
          then excluded.module_version end),
        last_finish_at = greatest(p.last_finish_at, excluded.last_finish_at),
        -- The latest completion: none before the first, then the later of it and the latest finishing event.
        last_completed_at = case when ${completedAt} is null then null else greatest(${completedAt}, p.last_finish_at, excluded.last_finish_at) end,
        -- Never more than the seconds since the server last heard from this learner on this module.
        time_spent_seconds = p.time_spent_seconds + least(excluded.time_spent_seconds, greatest(0, floor(extract(epoch from excluded.last_activity_at - p.last_activity_at)))::int),
        started_at = least(p.started_at, excluded.started_at),
        last_activity_at = greatest(p.last_activity_at, excluded.last_activity_at)
      returning 1
    )
    select i.event_id from learner left join inserted i on true`;
}

const hasQuiz = (event: CheckedEvent) => event.module.steps.some((step) => step.kind === "quiz");

// One array per column, unnested into rows by the statement: its text is the same for any batch,
// with a fixed number of parameters (never 13 per event).
function eventColumns(events: CheckedEvent[]) {
  const column = <T>(value: (event: CheckedEvent) => T) => events.map(value);

  return {
    eventIds: column((e) => e.input.eventId),
    moduleIds: column((e) => e.module.id),
    moduleVersions: column((e) => e.module.version),
    kinds: column((e) => e.input.kind),
    stepIds: column((e) => e.input.stepId),
    stepIndexes: column((e) => e.stepIndex),
    payloads: column((e) => JSON.stringify({ ...e.payload, activeSeconds: e.input.activeSeconds })),
    occurredAts: column((e) => e.occurredAt.toISOString()),
    activeSeconds: column((e) => e.input.activeSeconds),
    scores: column((e) => e.quizResult?.score ?? null),
    passed: column((e) => e.quizResult?.passed ?? false),
    reachesEnd: column((e) => e.isLastStep && e.input.kind === "step_viewed"),
    hasQuiz: column(hasQuiz),
  };
}

/** The values of writeEventsStatement's placeholders for this learner's batch, received at `receivedAt`. */
export function writeEventsValues(
  learner: LearnerSource,
  events: CheckedEvent[],
  receivedAt: Date,
): Record<string, unknown> {
  const who =
    "organisationId" in learner
      ? { userId: learner.userId, organisationId: learner.organisationId }
      : {
          userId: learner.userId,
          sessionId: learner.session.id,
          sessionNow: learner.session.now.toISOString(),
          idleSince: learner.session.idleSince.toISOString(),
          touchBefore: learner.session.touchBefore.toISOString(),
          chosenOrganisationId: learner.chosenOrganisationId ?? null,
        };

  return {
    ...who,
    ...eventColumns(events),
    quizModuleIds: [...new Set(events.filter(hasQuiz).map((event) => event.module.id))],
    receivedAt: receivedAt.toISOString(),
  };
}
