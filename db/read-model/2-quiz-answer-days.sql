-- The quiz answer days (quiz_answer_days): per establishment, module and day of reception,
-- the answers to each question, counted when a quiz event is written and forgotten when the
-- events that fed them change or go.
--
-- Today's definitions, applied by `npm run db:migrate` after the migrations, every time
-- (CREATE OR REPLACE: idempotent). Change a rule here, never in a migration.

--> statement-breakpoint
-- quiz_answer_days counts answers by the UTC day the server received them
-- (received_at, the database's clock when the event was stored), not the day the browser says
-- they happened: a day is over for the player's writes once it has passed, so it can be counted a
-- day later (the day's margin covers any transaction still in flight) rather than 92 days later,
-- and the most-missed questions read a day or two of events instead of three months.
-- Anyone who inserts a quiz event with an older received_at (an import, a seed) makes the
-- establishment's counts be thrown away and counted again; the player's inserts never match the WHEN.
CREATE OR REPLACE FUNCTION "quiz_answer_days_forget_row"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "quiz_answer_coverage" AS c ("organisation_id", "closed_before") VALUES (NEW."organisation_id", NULL)
    ON CONFLICT ("organisation_id") DO UPDATE SET "closed_before" = CASE WHEN NEW."received_at" < c."closed_before" THEN NULL ELSE c."closed_before" END;
  DELETE FROM "quiz_answer_days" d USING "quiz_answer_coverage" c
    WHERE c."organisation_id" = NEW."organisation_id" AND c."closed_before" IS NULL AND d."organisation_id" = NEW."organisation_id";
  RETURN NULL;
END $$;

--> statement-breakpoint
CREATE OR REPLACE TRIGGER "learning_events_old_quiz_inserted" AFTER INSERT ON "learning_events"
  FOR EACH ROW WHEN (NEW."kind" = 'quiz_submitted' AND NEW."received_at" < now() - interval '1 day')
  EXECUTE FUNCTION "quiz_answer_days_forget_row"();

--> statement-breakpoint
-- Changed or deleted events (a user's erasure by cascade, an establishment's deletion): forget
-- the counts of every establishment concerned that still exists.
CREATE OR REPLACE FUNCTION "quiz_answer_days_forget_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "quiz_answer_coverage" ("organisation_id", "closed_before")
    SELECT DISTINCT r."organisation_id", NULL::timestamptz FROM "changed_events" r JOIN "organisations" o ON o."id" = r."organisation_id" WHERE r."kind" = 'quiz_submitted'
    ON CONFLICT ("organisation_id") DO UPDATE SET "closed_before" = NULL;
  DELETE FROM "quiz_answer_days" d WHERE d."organisation_id" IN (SELECT r."organisation_id" FROM "changed_events" r WHERE r."kind" = 'quiz_submitted');
  RETURN NULL;
END $$;

--> statement-breakpoint
CREATE OR REPLACE TRIGGER "learning_events_deleted" AFTER DELETE ON "learning_events"
  REFERENCING OLD TABLE AS "changed_events" FOR EACH STATEMENT EXECUTE FUNCTION "quiz_answer_days_forget_changed"();

--> statement-breakpoint
CREATE OR REPLACE TRIGGER "learning_events_updated_from" AFTER UPDATE ON "learning_events"
  REFERENCING OLD TABLE AS "changed_events" FOR EACH STATEMENT EXECUTE FUNCTION "quiz_answer_days_forget_changed"();

--> statement-breakpoint
CREATE OR REPLACE TRIGGER "learning_events_updated_to" AFTER UPDATE ON "learning_events"
  REFERENCING NEW TABLE AS "changed_events" FOR EACH STATEMENT EXECUTE FUNCTION "quiz_answer_days_forget_changed"();

--> statement-breakpoint
CREATE OR REPLACE FUNCTION "quiz_answer_days_forget_all"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "quiz_answer_coverage" SET "closed_before" = NULL;
  DELETE FROM "quiz_answer_days";
  RETURN NULL;
END $$;

--> statement-breakpoint
CREATE OR REPLACE TRIGGER "learning_events_truncated" AFTER TRUNCATE ON "learning_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "quiz_answer_days_forget_all"();
