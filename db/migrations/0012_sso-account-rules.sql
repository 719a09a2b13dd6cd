ALTER TABLE "users" ADD COLUMN "created_by_sso_issuer" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "created_by_sso_organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "organisation_sso" ADD COLUMN "is_pro_sante_connect" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "organisation_sso" ADD COLUMN "account_creation" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisation_sso" ADD COLUMN "allowed_email_domains" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "organisation_sso" ADD COLUMN "structure_ids" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
-- Accounts an identity provider created before this migration: their origin is in the audit log.
UPDATE "users" SET "created_by_sso_issuer" = "audit_log"."details"->>'issuer', "created_by_sso_organisation_id" = "audit_log"."organisation_id"
FROM "audit_log"
WHERE "audit_log"."action" = 'sso.user_created' AND "audit_log"."target_type" = 'user' AND "audit_log"."target_id" = "users"."id"::text;--> statement-breakpoint
-- Providers configured as Pro Santé Connect keep SubjectNameID as their subject, so existing links still match.
UPDATE "organisation_sso" SET "is_pro_sante_connect" = true
WHERE "discovery_path" = '/.well-known/wallet-openid-configuration' OR "issuer" LIKE 'https://auth.%esante.gouv.fr/%';
