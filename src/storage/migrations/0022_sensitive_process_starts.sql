CREATE TABLE "sensitive_process_starts" (
	"postmortem_id" uuid PRIMARY KEY NOT NULL,
	"kinds" text[] NOT NULL,
	"started_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sensitive_process_starts" ADD CONSTRAINT "sensitive_process_starts_postmortem_id_postmortems_id_fk" FOREIGN KEY ("postmortem_id") REFERENCES "public"."postmortems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Postmortems opened under the modified process before this table: the kinds its legal hold was
-- placed for ("modified process for security incidents", recorded in the same transaction), and
-- the kinds of their incidents as they stand now.
INSERT INTO "sensitive_process_starts" ("postmortem_id", "kinds", "started_at")
SELECT "started"."postmortem_id",
	ARRAY(
		SELECT DISTINCT "kind" FROM (
			SELECT "incidents"."kind" FROM "postmortem_incidents"
			JOIN "incidents" ON "incidents"."id" = "postmortem_incidents"."incident_id"
			WHERE "postmortem_incidents"."postmortem_id" = "started"."postmortem_id"
			UNION
			SELECT unnest(string_to_array((regexp_match("held"."data"->>'reason', '^modified process for (.+) incidents$'))[1], ', '))
			FROM "audit_events" "held"
			WHERE "held"."postmortem_id" = "started"."postmortem_id" AND "held"."action" = 'postmortem.legal_hold_placed'
		) "kinds" WHERE "kind" IS NOT NULL
	),
	"started"."occurred_at"
FROM "audit_events" "started"
JOIN "postmortems" ON "postmortems"."id" = "started"."postmortem_id"
WHERE "started"."action" = 'postmortem.sensitive_process_started'
ON CONFLICT DO NOTHING;
