DROP INDEX "audit_log_occurred_at_idx";--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "link_expires_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "audit_log_occurred_at_id_idx" ON "audit_log" USING btree ("occurred_at","id");--> statement-breakpoint
CREATE INDEX "mail_outbox_created_at_idx" ON "mail_outbox" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "mail_outbox_link_expires_at_idx" ON "mail_outbox" USING btree ("link_expires_at") WHERE "mail_outbox"."link_expires_at" is not null;--> statement-breakpoint
-- Messages already handed to SMTP keep no link (lib/mail/remove-links.ts has the same pattern);
-- the local mailbox's sign-in, reset and invitation links go when the longest of them (7 days) would.
UPDATE "mail_outbox" SET "text" = regexp_replace("text", 'https?://[^\s"''<>]+', '[lien retiré]', 'g'), "html" = regexp_replace("html", 'https?://[^\s"''<>]+', '[lien retiré]', 'g') WHERE "sent_at" IS NOT NULL OR "error" IS NOT NULL;--> statement-breakpoint
UPDATE "mail_outbox" SET "link_expires_at" = "created_at" + interval '7 days' WHERE "sent_at" IS NULL AND "error" IS NULL AND "kind" IN ('magic_link', 'password_reset', 'invitation');
