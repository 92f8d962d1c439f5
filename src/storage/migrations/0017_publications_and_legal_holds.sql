CREATE TABLE "legal_hold_revisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"postmortem_id" uuid NOT NULL,
	"table_name" text NOT NULL,
	"operation" text NOT NULL,
	"row" jsonb NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_holds" (
	"postmortem_id" uuid PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"placed_at" timestamp with time zone NOT NULL,
	"placed_by_id" uuid
);
--> statement-breakpoint
CREATE TABLE "publications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"postmortem_id" uuid NOT NULL,
	"audience" text NOT NULL,
	"status" text NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"document" jsonb NOT NULL,
	"html" text NOT NULL,
	"redactions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"postmortem_revision" bigint NOT NULL,
	"created_by_id" uuid,
	"approved_by_id" uuid,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_postmortem_id_postmortems_id_fk" FOREIGN KEY ("postmortem_id") REFERENCES "public"."postmortems"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_placed_by_id_users_id_fk" FOREIGN KEY ("placed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_postmortem_id_postmortems_id_fk" FOREIGN KEY ("postmortem_id") REFERENCES "public"."postmortems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "legal_hold_revisions_postmortem_idx" ON "legal_hold_revisions" USING btree ("postmortem_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "publications_one_per_state_idx" ON "publications" USING btree ("postmortem_id","audience","status");--> statement-breakpoint
CREATE INDEX "publications_feed_idx" ON "publications" USING btree ("audience","status","published_at");--> statement-breakpoint
CREATE INDEX "publications_slug_idx" ON "publications" USING btree ("slug");