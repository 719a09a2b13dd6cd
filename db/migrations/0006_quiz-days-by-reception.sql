DROP INDEX "learning_events_organisation_id_occurred_at_idx";--> statement-breakpoint
CREATE INDEX "learning_events_organisation_id_received_at_idx" ON "learning_events" USING btree ("organisation_id","received_at");--> statement-breakpoint
CREATE INDEX "module_progress_organisation_id_completed_at_idx" ON "module_progress" USING btree ("organisation_id","completed_at") WHERE "module_progress"."completed_at" is not null;--> statement-breakpoint
-- Written by hand. quiz_answer_days now counts answers by the UTC day the server received them
-- (received_at, the database's clock when the event was stored), not the day the browser says
-- they happened: a day is over for the player's writes once it has passed, so it can be counted a
-- day later (the day's margin covers any transaction still in flight) rather than 92 days later,
-- and the most-missed questions read a day or two of events instead of three months.
-- Anyone who inserts a quiz event with an older received_at (an import, a seed) makes the
-- establishment's counts be thrown away as before; the player's inserts never match the WHEN.
CREATE OR REPLACE FUNCTION "quiz_answer_days_forget_row"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "quiz_answer_coverage" AS c ("organisation_id", "closed_before") VALUES (NEW."organisation_id", NULL)
    ON CONFLICT ("organisation_id") DO UPDATE SET "closed_before" = CASE WHEN NEW."received_at" < c."closed_before" THEN NULL ELSE c."closed_before" END;
  DELETE FROM "quiz_answer_days" d USING "quiz_answer_coverage" c
    WHERE c."organisation_id" = NEW."organisation_id" AND c."closed_before" IS NULL AND d."organisation_id" = NEW."organisation_id";
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER "learning_events_old_quiz_inserted" ON "learning_events";
--> statement-breakpoint
CREATE TRIGGER "learning_events_old_quiz_inserted" AFTER INSERT ON "learning_events"
  FOR EACH ROW WHEN (NEW."kind" = 'quiz_submitted' AND NEW."received_at" < now() - interval '1 day')
  EXECUTE FUNCTION "quiz_answer_days_forget_row"();
--> statement-breakpoint
-- The days counted so far were days of occurrence: count again, by day of reception, on the next read.
UPDATE "quiz_answer_coverage" SET "closed_before" = NULL;
--> statement-breakpoint
DELETE FROM "quiz_answer_days";
