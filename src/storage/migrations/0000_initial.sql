CREATE TABLE "action_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"postmortem_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"owner_name" text,
	"owner_user_id" uuid,
	"due_date" date,
	"success_criterion" text,
	"status" text NOT NULL,
	"wont_do_reason" text,
	"tracker_url" text,
	"verification_evidence" text,
	"linked_factor_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"incident_id" uuid,
	"postmortem_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contributing_factors" (
	"id" uuid PRIMARY KEY NOT NULL,
	"postmortem_id" uuid NOT NULL,
	"description" text NOT NULL,
	"category" text NOT NULL,
	"is_root_cause" boolean DEFAULT false NOT NULL,
	"accepted_risk_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finding_waivers" (
	"postmortem_id" uuid NOT NULL,
	"finding_key" text NOT NULL,
	"reason" text NOT NULL,
	"waived_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "finding_waivers_postmortem_id_finding_key_pk" PRIMARY KEY("postmortem_id","finding_key")
);
--> statement-breakpoint
CREATE TABLE "incident_members" (
	"incident_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "incident_members_incident_id_user_id_pk" PRIMARY KEY("incident_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" serial NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"severity" text NOT NULL,
	"potential_severity" text,
	"is_drill" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"services" text[] DEFAULT '{}'::text[] NOT NULL,
	"restricted" boolean DEFAULT false NOT NULL,
	"started_at" timestamp with time zone,
	"detected_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"mitigated_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"instant_provenance" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incidents_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "participants" (
	"id" uuid PRIMARY KEY NOT NULL,
	"postmortem_id" uuid NOT NULL,
	"name" text NOT NULL,
	"user_id" uuid,
	"role" text NOT NULL,
	"approved_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "postmortem_incidents" (
	"postmortem_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	CONSTRAINT "postmortem_incidents_postmortem_id_incident_id_pk" PRIMARY KEY("postmortem_id","incident_id")
);
--> statement-breakpoint
CREATE TABLE "postmortem_members" (
	"postmortem_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "postmortem_members_postmortem_id_user_id_pk" PRIMARY KEY("postmortem_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "postmortems" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" serial NOT NULL,
	"title" text NOT NULL,
	"scope" text NOT NULL,
	"phase" text NOT NULL,
	"restricted" boolean DEFAULT false NOT NULL,
	"sections" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"analysis_meeting_at" timestamp with time zone,
	"analysis_meeting_notes" text DEFAULT '' NOT NULL,
	"created_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "postmortems_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "timeline_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"postmortem_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"text" text NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"source_ref" text,
	"external_id" text NOT NULL,
	"original_timestamp" text,
	"original_zone" text,
	"actor" text,
	"status" text NOT NULL,
	"pinned" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_postmortem_id_postmortems_id_fk" FOREIGN KEY ("postmortem_id") REFERENCES "public"."postmortems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributing_factors" ADD CONSTRAINT "contributing_factors_postmortem_id_postmortems_id_fk" FOREIGN KEY ("postmortem_id") REFERENCES "public"."postmortems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_waivers" ADD CONSTRAINT "finding_waivers_postmortem_id_postmortems_id_fk" FOREIGN KEY ("postmortem_id") REFERENCES "public"."postmortems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_waivers" ADD CONSTRAINT "finding_waivers_waived_by_id_users_id_fk" FOREIGN KEY ("waived_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_members" ADD CONSTRAINT "incident_members_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_members" ADD CONSTRAINT "incident_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_postmortem_id_postmortems_id_fk" FOREIGN KEY ("postmortem_id") REFERENCES "public"."postmortems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortem_incidents" ADD CONSTRAINT "postmortem_incidents_postmortem_id_postmortems_id_fk" FOREIGN KEY ("postmortem_id") REFERENCES "public"."postmortems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortem_incidents" ADD CONSTRAINT "postmortem_incidents_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortem_members" ADD CONSTRAINT "postmortem_members_postmortem_id_postmortems_id_fk" FOREIGN KEY ("postmortem_id") REFERENCES "public"."postmortems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortem_members" ADD CONSTRAINT "postmortem_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortems" ADD CONSTRAINT "postmortems_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timeline_events" ADD CONSTRAINT "timeline_events_postmortem_id_postmortems_id_fk" FOREIGN KEY ("postmortem_id") REFERENCES "public"."postmortems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_items_postmortem_idx" ON "action_items" USING btree ("postmortem_id");--> statement-breakpoint
CREATE INDEX "audit_events_postmortem_idx" ON "audit_events" USING btree ("postmortem_id","id");--> statement-breakpoint
CREATE INDEX "audit_events_incident_idx" ON "audit_events" USING btree ("incident_id","id");--> statement-breakpoint
CREATE INDEX "contributing_factors_postmortem_idx" ON "contributing_factors" USING btree ("postmortem_id");--> statement-breakpoint
CREATE INDEX "incidents_created_at_idx" ON "incidents" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "incidents_services_idx" ON "incidents" USING gin ("services");--> statement-breakpoint
CREATE INDEX "participants_postmortem_idx" ON "participants" USING btree ("postmortem_id");--> statement-breakpoint
CREATE INDEX "postmortem_incidents_incident_idx" ON "postmortem_incidents" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "postmortems_created_at_idx" ON "postmortems" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "sessions_user_id_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "timeline_events_source_external_id_uq" ON "timeline_events" USING btree ("postmortem_id","source","external_id");--> statement-breakpoint
CREATE INDEX "timeline_events_order_idx" ON "timeline_events" USING btree ("postmortem_id","occurred_at","created_at","id");