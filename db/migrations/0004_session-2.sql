CREATE TABLE "reminder_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"auto_enabled" boolean DEFAULT false NOT NULL,
	"days_before" integer DEFAULT 7 NOT NULL,
	"interval_days" integer DEFAULT 7 NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_settings_days_before_range" CHECK ("reminder_settings"."days_before" between 1 and 60),
	CONSTRAINT "reminder_settings_interval_days_range" CHECK ("reminder_settings"."interval_days" between 1 and 90)
);
--> statement-breakpoint
DROP INDEX "certificates_user_id_subject_key";--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "join_code_id" uuid;--> statement-breakpoint
ALTER TABLE "module_progress" ADD COLUMN "last_finish_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "module_progress" ADD COLUMN "last_completed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reminder_settings" ADD CONSTRAINT "reminder_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_settings" ADD CONSTRAINT "reminder_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_join_code_id_join_codes_id_fk" FOREIGN KEY ("join_code_id") REFERENCES "public"."join_codes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "memberships_join_code_id_idx" ON "memberships" USING btree ("join_code_id");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_user_id_subject_completed_at_key" ON "certificates" USING btree ("user_id","subject_type","subject_id","completed_at");--> statement-breakpoint
-- Rows written before these columns: the latest completion known is the first one.
UPDATE "module_progress" SET "last_finish_at" = "completed_at", "last_completed_at" = "completed_at" WHERE "completed_at" IS NOT NULL;
