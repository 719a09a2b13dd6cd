ALTER TABLE "organisations" ADD COLUMN "phishing_individual_results" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "user_id" uuid;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assignments_person_subject_key" ON "assignments" USING btree ("user_id","organisation_id","subject_type","subject_id") WHERE "assignments"."user_id" is not null;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_team_or_person" CHECK ("assignments"."team_id" is null or "assignments"."user_id" is null);