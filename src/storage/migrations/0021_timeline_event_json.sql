-- Each timeline event keeps, as JSON text, the object the API presents for it (what
-- `presentedColumns` gives: every column under its property name, instants as ISO 8601 UTC with
-- milliseconds), written by the database with the row whatever code path writes it (the API,
-- imports, bulk inserts, review, merges, redaction, a referenced event's removal). A timeline of
-- 2,000 events is then read as one `string_agg` of ready text instead of JSON built per column
-- on every read. The column is not in the drizzle schema on purpose: no select of the table
-- returns it, so no presenter can pass it on.
ALTER TABLE "timeline_events" ADD COLUMN "presented_json" text;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION debrief_present_timeline_event() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.presented_json := (SELECT row_to_json(e)::text FROM (SELECT
    NEW.id AS "id",
    NEW.postmortem_id AS "postmortemId",
    to_char(NEW.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurredAt",
    NEW.text AS "text",
    NEW.kind AS "kind",
    NEW.source AS "source",
    NEW.source_ref AS "sourceRef",
    NEW.external_id AS "externalId",
    NEW.original_timestamp AS "originalTimestamp",
    NEW.original_zone AS "originalZone",
    NEW.actor AS "actor",
    NEW.status AS "status",
    NEW.pinned AS "pinned",
    NEW.details AS "details",
    NEW.raw_ref AS "rawRef",
    NEW.ambiguities AS "ambiguities",
    NEW.duplicate_of_id AS "duplicateOfId",
    NEW.import_id AS "importId",
    NEW.version AS "version",
    to_char(NEW.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"
  ) e);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "timeline_events_presented_json" BEFORE INSERT OR UPDATE ON "timeline_events"
  FOR EACH ROW EXECUTE FUNCTION debrief_present_timeline_event();
--> statement-breakpoint
-- The backfill is not a revision: the legal hold keeps no copy of it.
ALTER TABLE "timeline_events" DISABLE TRIGGER "timeline_events_legal_hold";
--> statement-breakpoint
UPDATE "timeline_events" SET "presented_json" = NULL;
--> statement-breakpoint
ALTER TABLE "timeline_events" ENABLE TRIGGER "timeline_events_legal_hold";
--> statement-breakpoint
ALTER TABLE "timeline_events" ALTER COLUMN "presented_json" SET NOT NULL;
