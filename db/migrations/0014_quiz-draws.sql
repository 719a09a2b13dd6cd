CREATE TABLE "quiz_draws" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"module_id" text NOT NULL,
	"module_version" integer NOT NULL,
	"step_id" text NOT NULL,
	"questions" jsonb NOT NULL,
	"submitted_event_id" uuid,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "quiz_draws" ADD CONSTRAINT "quiz_draws_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_draws" ADD CONSTRAINT "quiz_draws_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "quiz_draws_open_idx" ON "quiz_draws" USING btree ("user_id","module_id","module_version") WHERE "quiz_draws"."submitted_event_id" is null;--> statement-breakpoint
CREATE INDEX "quiz_draws_user_module_idx" ON "quiz_draws" USING btree ("user_id","module_id","created_at");--> statement-breakpoint
CREATE INDEX "quiz_draws_organisation_id_idx" ON "quiz_draws" USING btree ("organisation_id");