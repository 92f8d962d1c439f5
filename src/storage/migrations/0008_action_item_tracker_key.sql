ALTER TABLE "action_items" ADD COLUMN "tracker_key" text;--> statement-breakpoint
CREATE INDEX "action_items_tracker_key_idx" ON "action_items" USING btree ("tracker_key");