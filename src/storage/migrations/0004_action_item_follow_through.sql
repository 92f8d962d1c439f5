ALTER TABLE "action_items" ADD COLUMN "verification_note" text;--> statement-breakpoint
ALTER TABLE "action_items" ADD COLUMN "verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "action_items" ADD COLUMN "verified_by_id" uuid;--> statement-breakpoint
ALTER TABLE "action_items" ADD COLUMN "priority" text DEFAULT 'p2' NOT NULL;--> statement-breakpoint
ALTER TABLE "action_items" ADD COLUMN "team" text;--> statement-breakpoint
ALTER TABLE "action_items" ADD COLUMN "services" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "action_items" ADD COLUMN "is_idea" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_verified_by_id_users_id_fk" FOREIGN KEY ("verified_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_items_due_idx" ON "action_items" USING btree ("due_date","id");