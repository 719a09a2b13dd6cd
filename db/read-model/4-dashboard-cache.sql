-- The dashboard cache (dashboard_cache): the manager dashboard's counts, kept team by team, with
-- generations that say which parts a write made stale (lib/read-model/dashboard-cache.ts reads them).
--
-- Today's definitions, applied by `npm run db:migrate` after the migrations, every time
-- (CREATE OR REPLACE: idempotent). Change a rule here, never in a migration.

--> statement-breakpoint
-- The dashboard's figures of an establishment are kept in dashboard_cache, in
-- parts, and each part is served again while nothing it is counted from has changed
-- (lib/read-model/dashboard-cache.ts):
-- - `learners:<team id>` and `learners:none` (no team): the team's memberships (made, removed,
--   moved to another team or role), their progress summary (kept by memberships_refresh_progress,
--   3-membership-progress.sql) and whether their users are active;
-- - `months`: the completions of the establishment's module_progress rows.
-- Every such write calls dashboard_cache_touch() with the (establishment, part) pairs it changes,
-- in its own transaction:
-- 1. it takes each establishment's advisory lock in shared mode, held until the write commits or
--    rolls back (writers never wait for each other on it);
-- 2. then it clears `armed`, if set, in a statement of its own, whose snapshot is taken after the
--    locks were granted. The update only happens for the first writer after a part was counted:
--    the others find `armed` already cleared and write nothing, so the row is no hot spot.
-- The reader arms parts under the same lock in exclusive mode (dashboard_cache_arm()), which waits
-- for every writer holding it: a write is either committed before the part is counted (it is
-- counted), or clears `armed` after it was set (the part is not served again). Key: 1986618729
-- ('vigi') and hashtext of the establishment; two establishments sharing a hash only wait for
-- each other. A writer in REPEATABLE READ or SERIALIZABLE, whose snapshot may be older than the
-- arming, clears the rows unconditionally: it then fails with a serialisation error rather than
-- miss the arming.
CREATE OR REPLACE FUNCTION "dashboard_learners_part"("team_id" uuid) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT 'learners:' || coalesce(team_id::text, 'none')
$$;

--> statement-breakpoint
-- Every statement that updates several dashboard_cache rows locks them in one order (by
-- establishment, then part; 'learners:…' sorts before 'months', as a progress write touches them),
-- so that a writer's touch and a reader's keep never lock them in opposite orders and deadlock.
CREATE OR REPLACE FUNCTION "dashboard_cache_touch"("organisation_ids" uuid[], "parts" text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  organisation uuid;
BEGIN
  IF coalesce(cardinality(organisation_ids), 0) = 0 THEN
    RETURN;
  END IF;
  FOR organisation IN SELECT DISTINCT o FROM unnest(organisation_ids) AS o WHERE o IS NOT NULL ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock_shared(1986618729, hashtext(organisation::text));
  END LOOP;
  IF current_setting('transaction_isolation') = 'read committed' THEN
    PERFORM 1 FROM "dashboard_cache" c
      WHERE (c."organisation_id", c."part") IN (SELECT o, p FROM unnest(organisation_ids, parts) AS t(o, p)) AND c."armed"
      ORDER BY c."organisation_id", c."part" FOR UPDATE;
    UPDATE "dashboard_cache" c SET "armed" = false FROM (SELECT DISTINCT o, p FROM unnest(organisation_ids, parts) AS t(o, p)) t
      WHERE c."organisation_id" = t.o AND c."part" = t.p AND c."armed";
  ELSE
    PERFORM 1 FROM "dashboard_cache" c
      WHERE (c."organisation_id", c."part") IN (SELECT o, p FROM unnest(organisation_ids, parts) AS t(o, p))
      ORDER BY c."organisation_id", c."part" FOR UPDATE;
    UPDATE "dashboard_cache" c SET "armed" = false FROM (SELECT DISTINCT o, p FROM unnest(organisation_ids, parts) AS t(o, p)) t
      WHERE c."organisation_id" = t.o AND c."part" = t.p;
  END IF;
END $$;

--> statement-breakpoint
CREATE OR REPLACE FUNCTION "dashboard_cache_arm"("target" uuid, "parts" jsonb) RETURNS TABLE ("armed_part" text, "armed_generation" bigint) LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('synchronous_commit', 'off', true);
  PERFORM pg_advisory_xact_lock(1986618729, hashtext(target::text));
  RETURN QUERY INSERT INTO "dashboard_cache" AS c ("organisation_id", "part", "generation", "armed")
    SELECT target, p, 1, true FROM (SELECT DISTINCT p FROM jsonb_array_elements_text(parts) AS p) d ORDER BY p
    ON CONFLICT ("organisation_id", "part") DO UPDATE SET "generation" = c."generation" + 1, "armed" = true
    RETURNING c."part", c."generation";
END $$;

--> statement-breakpoint
CREATE OR REPLACE FUNCTION "dashboard_cache_keep"("target" uuid, "kept" jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('synchronous_commit', 'off', true);
  PERFORM 1 FROM "dashboard_cache" c
    WHERE c."organisation_id" = target AND c."part" IN (SELECT k->>'part' FROM jsonb_array_elements(kept) AS k) AND c."armed"
    ORDER BY c."part" FOR UPDATE;
  UPDATE "dashboard_cache" c SET "statement_key" = k."statement_key", "cached_generation" = k."generation", "figures" = k."figures"
    FROM jsonb_to_recordset(kept) AS k("part" text, "generation" bigint, "statement_key" text, "figures" jsonb)
    WHERE c."organisation_id" = target AND c."part" = k."part" AND c."generation" = k."generation" AND c."armed";
END $$;

--> statement-breakpoint
-- Memberships made or removed (statement-level: seeds and erasures write thousands at once).
CREATE OR REPLACE FUNCTION "memberships_touch_dashboard"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched_organisations uuid[];
  touched_parts text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(organisation_id), array_agg(part) INTO touched_organisations, touched_parts
      FROM (SELECT DISTINCT organisation_id, "dashboard_learners_part"(team_id) AS part FROM new_rows) t;
  ELSE
    SELECT array_agg(organisation_id), array_agg(part) INTO touched_organisations, touched_parts
      FROM (SELECT DISTINCT organisation_id, "dashboard_learners_part"(team_id) AS part FROM old_rows) t;
  END IF;
  PERFORM "dashboard_cache_touch"(touched_organisations, touched_parts);
  RETURN NULL;
END $$;

--> statement-breakpoint
CREATE OR REPLACE TRIGGER "memberships_inserted_dashboard" AFTER INSERT ON "memberships"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "memberships_touch_dashboard"();

--> statement-breakpoint
CREATE OR REPLACE TRIGGER "memberships_deleted_dashboard" AFTER DELETE ON "memberships"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "memberships_touch_dashboard"();

--> statement-breakpoint
-- A membership moved to another team, role or establishment (a team deleted sets team_id to null
-- through its foreign key, which fires this too): the parts it leaves and joins. Row-level:
-- PostgreSQL has no transition tables for triggers on a list of columns.
CREATE OR REPLACE FUNCTION "membership_moved_touch_dashboard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "dashboard_cache_touch"(ARRAY[OLD."organisation_id", NEW."organisation_id"],
    ARRAY["dashboard_learners_part"(OLD."team_id"), "dashboard_learners_part"(NEW."team_id")]);
  RETURN NULL;
END $$;

--> statement-breakpoint
CREATE OR REPLACE TRIGGER "memberships_moved_dashboard" AFTER UPDATE OF "organisation_id", "user_id", "team_id", "role" ON "memberships"
  FOR EACH ROW EXECUTE FUNCTION "membership_moved_touch_dashboard"();

--> statement-breakpoint
-- A user deactivated or reactivated: the user's part in every establishment the user is a member of.
CREATE OR REPLACE FUNCTION "users_activity_touch_dashboard"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched_organisations uuid[];
  touched_parts text[];
BEGIN
  IF OLD."is_active" IS DISTINCT FROM NEW."is_active" THEN
    SELECT array_agg(m."organisation_id"), array_agg("dashboard_learners_part"(m."team_id")) INTO touched_organisations, touched_parts
      FROM "memberships" m WHERE m."user_id" = NEW."id";
    PERFORM "dashboard_cache_touch"(touched_organisations, touched_parts);
  END IF;
  RETURN NULL;
END $$;

--> statement-breakpoint
CREATE OR REPLACE TRIGGER "users_activity_dashboard" AFTER UPDATE OF "is_active" ON "users"
  FOR EACH ROW EXECUTE FUNCTION "users_activity_touch_dashboard"();

--> statement-breakpoint
-- A team deleted: its part goes with it (its members were moved to no team, which cleared both parts).
CREATE OR REPLACE FUNCTION "teams_deleted_dashboard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "dashboard_cache" c USING old_rows t WHERE c."organisation_id" = t."organisation_id" AND c."part" = "dashboard_learners_part"(t."id");
  RETURN NULL;
END $$;

--> statement-breakpoint
CREATE OR REPLACE TRIGGER "teams_deleted_dashboard" AFTER DELETE ON "teams"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "teams_deleted_dashboard"();

--> statement-breakpoint
-- Counted quiz days thrown away (2-quiz-answer-days.sql deletes them): the sums kept from them
-- are cleared and the generation counts up, in the same row that mostMissedQuestions() keeps its
-- sums in, under that row's lock, so that sums made from days since thrown away are never kept.
CREATE OR REPLACE FUNCTION "quiz_answer_days_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "quiz_answer_coverage" SET "generation" = "generation" + 1, "totals" = NULL, "totals_from" = NULL, "totals_until" = NULL
    WHERE "organisation_id" IN (SELECT DISTINCT "organisation_id" FROM old_rows);
  RETURN NULL;
END $$;

--> statement-breakpoint
CREATE OR REPLACE TRIGGER "quiz_answer_days_deleted" AFTER DELETE ON "quiz_answer_days"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "quiz_answer_days_deleted"();
