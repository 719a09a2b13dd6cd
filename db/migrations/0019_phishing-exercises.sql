CREATE TABLE "phishing_exercises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"scenario_id" text NOT NULL,
	"team_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"window_starts_on" date NOT NULL,
	"working_days" integer NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"assign_module_on_click" boolean DEFAULT true NOT NULL,
	"staff_informed_at" timestamp with time zone,
	"staff_informed_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"launched_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	CONSTRAINT "phishing_exercises_working_days_range" CHECK ("phishing_exercises"."working_days" between 1 and 20),
	CONSTRAINT "phishing_exercises_informed_before_launch" CHECK ("phishing_exercises"."state" = 'draft' or "phishing_exercises"."staff_informed_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "phishing_recipients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"exercise_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"team_id" uuid,
	"planned_at" timestamp with time zone NOT NULL,
	"token_hash" text,
	"sent_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"send_error" text,
	"automatic_opens" integer DEFAULT 0 NOT NULL,
	"clicked_at" timestamp with time zone,
	"reported_at" timestamp with time zone,
	"module_assigned_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "phishing_exercises" ADD CONSTRAINT "phishing_exercises_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phishing_exercises" ADD CONSTRAINT "phishing_exercises_staff_informed_by_users_id_fk" FOREIGN KEY ("staff_informed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phishing_exercises" ADD CONSTRAINT "phishing_exercises_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phishing_recipients" ADD CONSTRAINT "phishing_recipients_exercise_id_phishing_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."phishing_exercises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phishing_recipients" ADD CONSTRAINT "phishing_recipients_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phishing_recipients" ADD CONSTRAINT "phishing_recipients_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phishing_recipients" ADD CONSTRAINT "phishing_recipients_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "phishing_exercises_organisation_id_idx" ON "phishing_exercises" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "phishing_exercises_running_idx" ON "phishing_exercises" USING btree ("state") WHERE "phishing_exercises"."state" = 'running';--> statement-breakpoint
CREATE UNIQUE INDEX "phishing_recipients_token_hash_key" ON "phishing_recipients" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "phishing_recipients_exercise_user_key" ON "phishing_recipients" USING btree ("exercise_id","user_id");--> statement-breakpoint
CREATE INDEX "phishing_recipients_organisation_id_idx" ON "phishing_recipients" USING btree ("organisation_id","sent_at");--> statement-breakpoint
CREATE INDEX "phishing_recipients_user_id_idx" ON "phishing_recipients" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "phishing_recipients_due_idx" ON "phishing_recipients" USING btree ("planned_at") WHERE "phishing_recipients"."sent_at" is null;