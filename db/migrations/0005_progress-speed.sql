-- Reordered by hand: the old primary key (id) goes first, and the existing unique index on
-- (user_id, event_id) becomes the new primary key as it is (no rebuild of a large table).
ALTER TABLE "learning_events" DROP COLUMN "id";--> statement-breakpoint
ALTER TABLE "learning_events" ADD CONSTRAINT "learning_events_user_id_event_id_pk" PRIMARY KEY USING INDEX "learning_events_user_id_event_id_key";--> statement-breakpoint
DROP INDEX "learning_events_user_id_module_id_idx";
