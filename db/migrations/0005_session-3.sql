-- Edited by hand: the old primary key (id) goes first, and the existing unique index on
-- (user_id, event_id) becomes the new primary key as it is (no rebuild of a large table).
ALTER TABLE "learning_events" DROP COLUMN "id";--> statement-breakpoint
ALTER TABLE "learning_events" ADD CONSTRAINT "learning_events_user_id_event_id_pk" PRIMARY KEY USING INDEX "learning_events_user_id_event_id_key";--> statement-breakpoint
CREATE TABLE "quiz_answer_coverage" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"closed_before" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "quiz_answer_days" (
	"organisation_id" uuid NOT NULL,
	"day" date NOT NULL,
	"module_id" text NOT NULL,
	"question_id" text NOT NULL,
	"answers" integer NOT NULL,
	"wrong" integer NOT NULL,
	CONSTRAINT "quiz_answer_days_organisation_id_day_module_id_question_id_pk" PRIMARY KEY("organisation_id","day","module_id","question_id")
);
--> statement-breakpoint
DROP INDEX "memberships_organisation_id_idx";--> statement-breakpoint
DROP INDEX "learning_events_organisation_id_idx";--> statement-breakpoint
DROP INDEX "learning_events_user_id_module_id_idx";--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "sort_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "quiz_answer_coverage" ADD CONSTRAINT "quiz_answer_coverage_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_answer_days" ADD CONSTRAINT "quiz_answer_days_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "users_inactive_idx" ON "users" USING btree ("id") WHERE not "users"."is_active";--> statement-breakpoint
CREATE INDEX "memberships_organisation_id_sort_name_idx" ON "memberships" USING btree ("organisation_id","sort_name","user_id");--> statement-breakpoint
CREATE INDEX "learning_events_organisation_id_occurred_at_idx" ON "learning_events" USING btree ("organisation_id","occurred_at");--> statement-breakpoint
-- Written by hand. memberships.sort_name = lower(coalesce(users.name, '')), kept by the database
-- for every writer: filled when a membership is written, changed with the user's name. The
-- membership's trigger reads the user row FOR SHARE, so that a name being changed at the same
-- time is waited for and never missed.
UPDATE "memberships" m SET "sort_name" = lower(coalesce(u."name", '')) FROM "users" u WHERE u."id" = m."user_id";
--> statement-breakpoint
CREATE FUNCTION "memberships_fill_sort_name"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."sort_name" := coalesce((SELECT lower(coalesce(u."name", '')) FROM "users" u WHERE u."id" = NEW."user_id" FOR SHARE), '');
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "memberships_sort_name" BEFORE INSERT OR UPDATE OF "user_id", "sort_name" ON "memberships"
  FOR EACH ROW EXECUTE FUNCTION "memberships_fill_sort_name"();
--> statement-breakpoint
CREATE FUNCTION "users_name_to_memberships"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "memberships" SET "sort_name" = lower(coalesce(NEW."name", '')) WHERE "user_id" = NEW."id";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "users_name_changed" AFTER UPDATE OF "name" ON "users"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name") EXECUTE FUNCTION "users_name_to_memberships"();
--> statement-breakpoint
-- Written by hand. quiz_answer_days counts the answers of days that no learner can add to any
-- more (lib/reports/quiz-answer-days.ts). Whoever inserts, changes or deletes a quiz event of a
-- day it may cover makes the establishment's counts be thrown away and counted again. These
-- triggers never fire for the events the player records (less than 90 days old: the WHEN below
-- is false, and no function runs), so the progress write does no more work.
-- The upsert also locks the establishment's coverage row, which the counting holds FOR UPDATE,
-- so that a change and a count never miss each other.
CREATE FUNCTION "quiz_answer_days_forget_row"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "quiz_answer_coverage" AS c ("organisation_id", "closed_before") VALUES (NEW."organisation_id", NULL)
    ON CONFLICT ("organisation_id") DO UPDATE SET "closed_before" = CASE WHEN NEW."occurred_at" < c."closed_before" THEN NULL ELSE c."closed_before" END;
  DELETE FROM "quiz_answer_days" d USING "quiz_answer_coverage" c
    WHERE c."organisation_id" = NEW."organisation_id" AND c."closed_before" IS NULL AND d."organisation_id" = NEW."organisation_id";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "learning_events_old_quiz_inserted" AFTER INSERT ON "learning_events"
  FOR EACH ROW WHEN (NEW."kind" = 'quiz_submitted' AND NEW."occurred_at" < now() - interval '91 days')
  EXECUTE FUNCTION "quiz_answer_days_forget_row"();
--> statement-breakpoint
-- Changed or deleted events (a user's erasure by cascade, an establishment's deletion): forget
-- the counts of every establishment concerned that still exists.
CREATE FUNCTION "quiz_answer_days_forget_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "quiz_answer_coverage" ("organisation_id", "closed_before")
    SELECT DISTINCT r."organisation_id", NULL::timestamptz FROM "changed_events" r JOIN "organisations" o ON o."id" = r."organisation_id" WHERE r."kind" = 'quiz_submitted'
    ON CONFLICT ("organisation_id") DO UPDATE SET "closed_before" = NULL;
  DELETE FROM "quiz_answer_days" d WHERE d."organisation_id" IN (SELECT r."organisation_id" FROM "changed_events" r WHERE r."kind" = 'quiz_submitted');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "learning_events_deleted" AFTER DELETE ON "learning_events"
  REFERENCING OLD TABLE AS "changed_events" FOR EACH STATEMENT EXECUTE FUNCTION "quiz_answer_days_forget_changed"();
--> statement-breakpoint
CREATE TRIGGER "learning_events_updated_from" AFTER UPDATE ON "learning_events"
  REFERENCING OLD TABLE AS "changed_events" FOR EACH STATEMENT EXECUTE FUNCTION "quiz_answer_days_forget_changed"();
--> statement-breakpoint
CREATE TRIGGER "learning_events_updated_to" AFTER UPDATE ON "learning_events"
  REFERENCING NEW TABLE AS "changed_events" FOR EACH STATEMENT EXECUTE FUNCTION "quiz_answer_days_forget_changed"();
--> statement-breakpoint
CREATE FUNCTION "quiz_answer_days_forget_all"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "quiz_answer_coverage" SET "closed_before" = NULL;
  DELETE FROM "quiz_answer_days";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "learning_events_truncated" AFTER TRUNCATE ON "learning_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "quiz_answer_days_forget_all"();
