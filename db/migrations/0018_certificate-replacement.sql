DROP INDEX "certificates_user_id_subject_completed_at_key";--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "replaced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "replaced_by" uuid;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_replaced_by_certificates_id_fk" FOREIGN KEY ("replaced_by") REFERENCES "public"."certificates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_user_id_subject_completed_at_key" ON "certificates" USING btree ("user_id","subject_type","subject_id","completed_at") WHERE "certificates"."replaced_at" is null;