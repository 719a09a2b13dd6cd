CREATE TABLE "module_keys" (
	"module_id" text PRIMARY KEY NOT NULL,
	"position" smallserial NOT NULL,
	CONSTRAINT "module_keys_position_unique" UNIQUE("position")
);
--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "module_completions" timestamp with time zone[] DEFAULT '{}'::timestamptz[] NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "module_activity" timestamp with time zone[] DEFAULT '{}'::timestamptz[] NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "time_spent_seconds" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "last_activity_at" timestamp with time zone;--> statement-breakpoint
-- Written by hand. memberships.module_completions and module_activity hold, per module position
-- (module_keys), the latest completion and the last activity of the member's progress made in
-- this establishment (module_progress rows with its organisation_id), and time_spent_seconds and
-- last_activity_at the same over all modules: the reports decide every status from the
-- memberships alone instead of folding the progress rows of each learner. Triggers keep them
-- whoever writes module_progress (the player, a seed, an erasure, a test).
--
-- Room on each page for the next versions of its rows: the triggers update a membership on every
-- progress write, and with full pages each update moves the row to wherever there is space (and
-- adds an entry to each of its indexes), scattering an establishment's members over the table.
-- With room, updates stay on the page (HOT) and an establishment's members stay together, as they
-- were inserted. 80 %: room for several new versions per page at once, each write's page pruning
-- freeing the versions before it (60 % made the table a third larger for no gain in the bench).
-- Pages written before keep their layout until the table is rewritten (VACUUM FULL or pg_repack,
-- at a quiet time).
ALTER TABLE "memberships" SET (fillfactor = 80);
--> statement-breakpoint
-- The member's progress as the calling statement sees it: the two arrays, each as long as the
-- highest position among the member's modules, the time spent and the last activity. PL/pgSQL,
-- whose plans are kept for the session (an SQL function's would be made again on every call).
CREATE FUNCTION "membership_progress"("member_user_id" uuid, "member_organisation_id" uuid,
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
-- Computes the arrays again for the given members (pairs of user_ids[i], organisation_ids[i]).
-- 1. Modules seen for the first time get a position (a race on the same module leaves a gap: harmless).
--    Positions never change, so that the arrays already written stay right.
-- 2. The members' rows are locked in a fixed order, then computed in a later statement, whose
--    snapshot holds every progress write committed before the lock was granted: of two writers
--    of one learner, the one that computes last sees both, and nothing computed earlier can be
--    written after it.
CREATE FUNCTION "memberships_refresh_progress"("user_ids" uuid[], "organisation_ids" uuid[]) RETURNS void LANGUAGE plpgsql AS $$
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
  UPDATE "memberships" m SET ("module_completions", "module_activity", "time_spent_seconds", "last_activity_at") = (SELECT * FROM "membership_progress"(m."user_id", m."organisation_id"))
    FROM unnest(user_ids, organisation_ids) AS c(user_id, organisation_id)
    WHERE m."user_id" = c.user_id AND m."organisation_id" = c.organisation_id;
END $$;
--> statement-breakpoint
CREATE FUNCTION "module_progress_to_memberships"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  user_ids uuid[];
  organisation_ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(user_id), array_agg(organisation_id) INTO user_ids, organisation_ids FROM (SELECT DISTINCT user_id, organisation_id FROM new_rows) c;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(user_id), array_agg(organisation_id) INTO user_ids, organisation_ids
    FROM (SELECT user_id, organisation_id FROM new_rows UNION SELECT user_id, organisation_id FROM old_rows) c;
  ELSE
    SELECT array_agg(user_id), array_agg(organisation_id) INTO user_ids, organisation_ids FROM (SELECT DISTINCT user_id, organisation_id FROM old_rows) c;
  END IF;
  PERFORM "memberships_refresh_progress"(user_ids, organisation_ids);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "module_progress_inserted" AFTER INSERT ON "module_progress"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "module_progress_to_memberships"();
--> statement-breakpoint
CREATE TRIGGER "module_progress_updated" AFTER UPDATE ON "module_progress"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "module_progress_to_memberships"();
--> statement-breakpoint
CREATE TRIGGER "module_progress_deleted" AFTER DELETE ON "module_progress"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "module_progress_to_memberships"();
--> statement-breakpoint
-- A membership made (or moved) where the person already has progress starts from it.
CREATE FUNCTION "memberships_fill_progress"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT * INTO NEW."module_completions", NEW."module_activity", NEW."time_spent_seconds", NEW."last_activity_at"
    FROM "membership_progress"(NEW."user_id", NEW."organisation_id");
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "memberships_progress" BEFORE INSERT OR UPDATE OF "user_id", "organisation_id" ON "memberships"
  FOR EACH ROW EXECUTE FUNCTION "memberships_fill_progress"();
--> statement-breakpoint
INSERT INTO "module_keys" ("module_id") SELECT DISTINCT "module_id" FROM "module_progress" ORDER BY 1;
--> statement-breakpoint
UPDATE "memberships" m SET ("module_completions", "module_activity", "time_spent_seconds", "last_activity_at") = (SELECT * FROM "membership_progress"(m."user_id", m."organisation_id"))
  WHERE EXISTS (SELECT 1 FROM "module_progress" p WHERE p."user_id" = m."user_id" AND p."organisation_id" = m."organisation_id");
