CREATE TABLE "open_questions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"postmortem_id" uuid NOT NULL,
	"text" text NOT NULL,
	"kind" text DEFAULT 'question' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolution" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_dependencies" (
	"service_name" text NOT NULL,
	"depends_on_name" text NOT NULL,
	CONSTRAINT "service_dependencies_service_name_depends_on_name_pk" PRIMARY KEY("service_name","depends_on_name")
);
--> statement-breakpoint
CREATE TABLE "services" (
	"name" text PRIMARY KEY NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "why_node_evidence" (
	"why_node_id" uuid NOT NULL,
	"timeline_event_id" uuid NOT NULL,
	CONSTRAINT "why_node_evidence_why_node_id_timeline_event_id_pk" PRIMARY KEY("why_node_id","timeline_event_id")
);
--> statement-breakpoint
CREATE TABLE "why_nodes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"postmortem_id" uuid NOT NULL,
	"parent_id" uuid,
	"question" text NOT NULL,
	"answer" text DEFAULT '' NOT NULL,
	"category" text,
	"mark" text DEFAULT 'none' NOT NULL,
	"no_evidence_reason" text,
	"accepted_risk_reason" text,
	"position" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "action_items" ADD COLUMN "linked_why_node_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "action_items" ADD COLUMN "relies_on_services" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "postmortems" ADD COLUMN "analysis_meeting_attendee_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "open_questions" ADD CONSTRAINT "open_questions_postmortem_id_postmortems_id_fk" FOREIGN KEY ("postmortem_id") REFERENCES "public"."postmortems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_dependencies" ADD CONSTRAINT "service_dependencies_service_name_services_name_fk" FOREIGN KEY ("service_name") REFERENCES "public"."services"("name") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "service_dependencies" ADD CONSTRAINT "service_dependencies_depends_on_name_services_name_fk" FOREIGN KEY ("depends_on_name") REFERENCES "public"."services"("name") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "why_node_evidence" ADD CONSTRAINT "why_node_evidence_why_node_id_why_nodes_id_fk" FOREIGN KEY ("why_node_id") REFERENCES "public"."why_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "why_node_evidence" ADD CONSTRAINT "why_node_evidence_timeline_event_id_timeline_events_id_fk" FOREIGN KEY ("timeline_event_id") REFERENCES "public"."timeline_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "why_nodes" ADD CONSTRAINT "why_nodes_postmortem_id_postmortems_id_fk" FOREIGN KEY ("postmortem_id") REFERENCES "public"."postmortems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "why_nodes" ADD CONSTRAINT "why_nodes_parent_id_why_nodes_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."why_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "open_questions_postmortem_idx" ON "open_questions" USING btree ("postmortem_id");--> statement-breakpoint
CREATE INDEX "why_nodes_postmortem_idx" ON "why_nodes" USING btree ("postmortem_id");--> statement-breakpoint
CREATE INDEX "why_nodes_parent_idx" ON "why_nodes" USING btree ("parent_id");