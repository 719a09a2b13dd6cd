DROP INDEX "certificates_user_id_subject_key";--> statement-breakpoint
ALTER TABLE "module_progress" ADD COLUMN "last_finish_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "module_progress" ADD COLUMN "last_completed_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_user_id_subject_completed_at_key" ON "certificates" USING btree ("user_id","subject_type","subject_id","completed_at");--> statement-breakpoint
-- Rows written before these columns: the latest completion known is the first one.
UPDATE "module_progress" SET "last_finish_at" = "completed_at", "last_completed_at" = "completed_at" WHERE "completed_at" IS NOT NULL;
