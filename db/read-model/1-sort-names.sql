-- The sort names: each membership keeps its person's name as the learner lists sort it
-- (memberships.sort_name), filled on insert and kept when the person's name changes.
--
-- Today's definitions, applied by `npm run db:migrate` after the migrations, every time
-- (CREATE OR REPLACE: idempotent). Change a rule here, never in a migration.

--> statement-breakpoint
CREATE OR REPLACE FUNCTION "memberships_fill_sort_name"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."sort_name" := coalesce((SELECT lower(coalesce(u."name", '')) FROM "users" u WHERE u."id" = NEW."user_id" FOR SHARE), '');
  RETURN NEW;
END $$;

--> statement-breakpoint
CREATE OR REPLACE TRIGGER "memberships_sort_name" BEFORE INSERT OR UPDATE OF "user_id", "sort_name" ON "memberships"
  FOR EACH ROW EXECUTE FUNCTION "memberships_fill_sort_name"();

--> statement-breakpoint
CREATE OR REPLACE FUNCTION "users_name_to_memberships"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "memberships" SET "sort_name" = lower(coalesce(NEW."name", '')) WHERE "user_id" = NEW."id";
  RETURN NULL;
END $$;

--> statement-breakpoint
CREATE OR REPLACE TRIGGER "users_name_changed" AFTER UPDATE OF "name" ON "users"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name") EXECUTE FUNCTION "users_name_to_memberships"();
