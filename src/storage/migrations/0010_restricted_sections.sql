CREATE TABLE "restricted_section_members" (
	"postmortem_id" uuid NOT NULL,
	"section_key" text NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "restricted_section_members_postmortem_id_section_key_user_id_pk" PRIMARY KEY("postmortem_id","section_key","user_id")
);
--> statement-breakpoint
CREATE TABLE "restricted_sections" (
	"postmortem_id" uuid NOT NULL,
	"section_key" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"restricted_at" timestamp with time zone NOT NULL,
	"restricted_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "restricted_sections_postmortem_id_section_key_pk" PRIMARY KEY("postmortem_id","section_key")
);
--> statement-breakpoint
ALTER TABLE "restricted_section_members" ADD CONSTRAINT "restricted_section_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restricted_section_members" ADD CONSTRAINT "restricted_section_members_section_fk" FOREIGN KEY ("postmortem_id","section_key") REFERENCES "public"."restricted_sections"("postmortem_id","section_key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restricted_sections" ADD CONSTRAINT "restricted_sections_postmortem_id_postmortems_id_fk" FOREIGN KEY ("postmortem_id") REFERENCES "public"."postmortems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restricted_sections" ADD CONSTRAINT "restricted_sections_restricted_by_id_users_id_fk" FOREIGN KEY ("restricted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "restricted_section_members_user_idx" ON "restricted_section_members" USING btree ("user_id");