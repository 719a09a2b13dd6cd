CREATE INDEX "certificates_organisation_id_issued_at_idx" ON "certificates" USING btree ("organisation_id","issued_at");--> statement-breakpoint
DROP INDEX "certificates_organisation_id_idx";--> statement-breakpoint
CREATE INDEX "module_progress_organisation_id_renewed_idx" ON "module_progress" USING btree ("organisation_id","last_completed_at") WHERE "module_progress"."last_completed_at" > "module_progress"."completed_at";--> statement-breakpoint
CREATE INDEX "memberships_learners_idx" ON "memberships" USING btree ("organisation_id","user_id") WHERE "memberships"."role" = 'learner';
