ALTER TABLE "organisations" ADD COLUMN "incident_contact_name" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "incident_contact_phone" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "incident_contact_email" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "incident_contact_updated_at" timestamp with time zone;