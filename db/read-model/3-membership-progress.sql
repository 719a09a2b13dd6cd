-- The membership progress summary: each membership carries its person's module progress
-- (memberships.progress_*), refreshed on every module_progress write and when a membership
-- is made or moves.
--
-- Today's definitions, applied by `npm run db:migrate` after the migrations, every time
-- (CREATE OR REPLACE: idempotent). Change a rule here, never in a migration.

--> statement-breakpoint
-- The member's progress as the calling statement sees it: the two arrays, each as long as the
-- highest position among the member's modules, the time spent and the last activity. PL/pgSQL,
-- whose plans are kept for the session (an SQL function's would be made again on every call).
CREATE OR REPLACE FUNCTION "membership_progress"("member_user_id" uuid, "member_organisation_id" uuid,
  OUT "completions" timestamptz[], OUT "activity" timestamptz[], OUT "time_spent_seconds" integer, OUT "last_activity_at" timestamptz)
LANGUAGE plpgsql STABLE AS $$
DECLARE
  r record;
BEGIN
  completions := '{}';
  activity := '{}';
  time_spent_seconds := 0;
  FOR r IN SELECT k."position", CASE WHEN p."completed_at" IS NOT NULL THEN coalesce(p."last_completed_at", p."completed_at") END AS completion,
      p."last_activity_at", p."time_spent_seconds", max(k."position") OVER () AS n
    FROM "module_progress" p JOIN "module_keys" k ON k."module_id" = p."module_id"
    WHERE p."user_id" = member_user_id AND p."organisation_id" = member_organisation_id
  LOOP
    IF cardinality(completions) = 0 THEN
      completions := array_fill(NULL::timestamptz, ARRAY[r.n]);
      activity := array_fill(NULL::timestamptz, ARRAY[r.n]);
    END IF;
    completions[r."position"] := r.completion;
    activity[r."position"] := r."last_activity_at";
    time_spent_seconds := time_spent_seconds + r."time_spent_seconds";
    last_activity_at := greatest(last_activity_at, r."last_activity_at");
  END LOOP;
END $$;

--> statement-breakpoint
-- Writes the progress summary of the given members, and touches the dashboard cache's team parts
-- of those whose summary changed.
CREATE OR REPLACE FUNCTION "memberships_refresh_progress"("user_ids" uuid[], "organisation_ids" uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  touched_organisations uuid[];
  touched_parts text[];
BEGIN
  IF coalesce(cardinality(user_ids), 0) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO "module_keys" ("module_id")
    SELECT DISTINCT p."module_id"
    FROM unnest(user_ids, organisation_ids) AS c(user_id, organisation_id)
    JOIN "module_progress" p ON p."user_id" = c.user_id AND p."organisation_id" = c.organisation_id
    WHERE NOT EXISTS (SELECT 1 FROM "module_keys" k WHERE k."module_id" = p."module_id")
    ORDER BY 1
    ON CONFLICT ("module_id") DO NOTHING;
  PERFORM 1 FROM "memberships" m JOIN unnest(user_ids, organisation_ids) AS c(user_id, organisation_id)
      ON m."user_id" = c.user_id AND m."organisation_id" = c.organisation_id
    ORDER BY m."user_id", m."organisation_id"
    FOR NO KEY UPDATE OF m;
  WITH updated AS (
    UPDATE "memberships" m SET ("module_completions", "module_activity", "time_spent_seconds", "last_activity_at") = (SELECT * FROM "membership_progress"(m."user_id", m."organisation_id"))
      FROM unnest(user_ids, organisation_ids) AS c(user_id, organisation_id)
      WHERE m."user_id" = c.user_id AND m."organisation_id" = c.organisation_id
      RETURNING m."organisation_id", m."team_id"
  )
  SELECT array_agg("organisation_id"), array_agg("dashboard_learners_part"("team_id")) INTO touched_organisations, touched_parts FROM updated;
  PERFORM "dashboard_cache_touch"(touched_organisations, touched_parts);
END $$;

--> statement-breakpoint
-- After a module_progress write: the members' summaries, and the dashboard cache's `months` part
-- of the establishments whose progress rows gained, lost or changed a completion (few writes: most
-- record activity).
CREATE OR REPLACE FUNCTION "module_progress_to_memberships"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  user_ids uuid[];
  organisation_ids uuid[];
  completed_in uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(user_id), array_agg(organisation_id) INTO user_ids, organisation_ids FROM (SELECT DISTINCT user_id, organisation_id FROM new_rows) c;
    SELECT array_agg(DISTINCT organisation_id) INTO completed_in FROM new_rows WHERE completed_at IS NOT NULL;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(user_id), array_agg(organisation_id) INTO user_ids, organisation_ids
    FROM (SELECT user_id, organisation_id FROM new_rows UNION SELECT user_id, organisation_id FROM old_rows) c;
    SELECT array_agg(DISTINCT organisation_id) INTO completed_in FROM (
      (SELECT user_id, module_id, organisation_id, completed_at FROM new_rows EXCEPT SELECT user_id, module_id, organisation_id, completed_at FROM old_rows)
      UNION ALL
      (SELECT user_id, module_id, organisation_id, completed_at FROM old_rows EXCEPT SELECT user_id, module_id, organisation_id, completed_at FROM new_rows)
    ) changed WHERE completed_at IS NOT NULL;
  ELSE
    SELECT array_agg(user_id), array_agg(organisation_id) INTO user_ids, organisation_ids FROM (SELECT DISTINCT user_id, organisation_id FROM old_rows) c;
    SELECT array_agg(DISTINCT organisation_id) INTO completed_in FROM old_rows WHERE completed_at IS NOT NULL;
  END IF;
  PERFORM "memberships_refresh_progress"(user_ids, organisation_ids);
  PERFORM "dashboard_cache_touch"(completed_in, array_fill('months'::text, ARRAY[coalesce(cardinality(completed_in), 0)]));
  RETURN NULL;
END $$;

--> statement-breakpoint
CREATE OR REPLACE TRIGGER "module_progress_inserted" AFTER INSERT ON "module_progress"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "module_progress_to_memberships"();

--> statement-breakpoint
CREATE OR REPLACE TRIGGER "module_progress_updated" AFTER UPDATE ON "module_progress"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "module_progress_to_memberships"();

--> statement-breakpoint
CREATE OR REPLACE TRIGGER "module_progress_deleted" AFTER DELETE ON "module_progress"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "module_progress_to_memberships"();

--> statement-breakpoint
-- A membership made (or moved) where the person already has progress starts from it.
CREATE OR REPLACE FUNCTION "memberships_fill_progress"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT * INTO NEW."module_completions", NEW."module_activity", NEW."time_spent_seconds", NEW."last_activity_at"
    FROM "membership_progress"(NEW."user_id", NEW."organisation_id");
  RETURN NEW;
END $$;

--> statement-breakpoint
CREATE OR REPLACE TRIGGER "memberships_progress" BEFORE INSERT OR UPDATE OF "user_id", "organisation_id" ON "memberships"
  FOR EACH ROW EXECUTE FUNCTION "memberships_fill_progress"();
