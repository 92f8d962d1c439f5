CREATE TABLE "search_postmortems" (
	"postmortem_id" uuid PRIMARY KEY NOT NULL,
	"number" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"phase" text NOT NULL,
	"restricted" boolean NOT NULL,
	"restricted_incident_ids" uuid[] NOT NULL,
	"severity" text,
	"kinds" text[] NOT NULL,
	"services" text[] NOT NULL,
	"categories" text[] NOT NULL,
	"first_started_at" timestamp with time zone,
	"last_started_at" timestamp with time zone,
	"document" "tsvector" NOT NULL,
	"title_document" "tsvector" NOT NULL
);
--> statement-breakpoint
DROP INDEX "search_documents_document_idx";--> statement-breakpoint
ALTER TABLE "search_postmortems" ADD CONSTRAINT "search_postmortems_postmortem_id_postmortems_id_fk" FOREIGN KEY ("postmortem_id") REFERENCES "public"."postmortems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- One search row per postmortem (search_postmortems): the open parts' vectors concatenated,
-- and the filter and visibility columns copied from the postmortem and its incidents, so a
-- search matches, filters, ranks and counts with one GIN lookup on 1 row per postmortem instead
-- of ~9 part rows each with correlated filter subqueries. search_documents keeps one row per
-- part for the snippets of the shown hits, and is matched only for restricted sections.
CREATE AGGREGATE "debrief_tsvector_agg"(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '');
--> statement-breakpoint
-- The reviewed incidents' titles and summaries become a part (`incidents`). A postmortem
-- reviewing a restricted incident is visible only to that incident's members, so its text is
-- searchable by no one else.
CREATE OR REPLACE VIEW "search_document_sources" AS
SELECT postmortem_id, part, weight, left(translate(body, chr(2) || chr(3), ''), 100000) AS body
FROM (
  SELECT p.id AS postmortem_id, 'title' AS part, 'A'::"char" AS weight, p.title AS body
  FROM postmortems p
  UNION ALL
  SELECT p.id, 'section:' || s.key, 'B'::"char", s.value
  FROM postmortems p, jsonb_each_text(p.sections) s
  WHERE btrim(s.value) <> ''
  UNION ALL
  -- A restricted section's text: searchable by its members only (search-repository.ts).
  SELECT r.postmortem_id, 'restricted:' || r.section_key, 'B'::"char", r.body
  FROM restricted_sections r
  WHERE btrim(r.body) <> ''
  UNION ALL
  SELECT w.postmortem_id, 'why_tree', 'B'::"char",
    string_agg(w.question || E'\n' || w.answer, E'\n' ORDER BY w.position, w.id)
  FROM why_nodes w GROUP BY w.postmortem_id
  UNION ALL
  SELECT f.postmortem_id, 'factors', 'B'::"char",
    string_agg(f.description || coalesce(E'\n' || f.accepted_risk_reason, ''), E'\n' ORDER BY f.created_at, f.id)
  FROM contributing_factors f GROUP BY f.postmortem_id
  UNION ALL
  SELECT a.postmortem_id, 'action_items', 'C'::"char",
    string_agg(a.title || coalesce(E'\n' || a.success_criterion, ''), E'\n' ORDER BY a.created_at, a.id)
  FROM action_items a GROUP BY a.postmortem_id
  UNION ALL
  SELECT t.postmortem_id, 'timeline', 'D'::"char",
    string_agg(t.text, E'\n' ORDER BY t.occurred_at, t.created_at, t.id)
  FROM timeline_events t WHERE t.status = 'accepted' GROUP BY t.postmortem_id
  UNION ALL
  SELECT pi.postmortem_id, 'incidents', 'B'::"char",
    string_agg(i.title || coalesce(E'\n' || nullif(btrim(i.summary), ''), ''), E'\n' ORDER BY i.number)
  FROM postmortem_incidents pi JOIN incidents i ON i.id = pi.incident_id GROUP BY pi.postmortem_id
) parts;
--> statement-breakpoint
-- A postmortem's search row, from the postmortem, what it reviews and its open parts' documents
-- (so search_documents must be current first). Joins of grouped sets, so the migration builds
-- every row in one pass; for one postmortem the planner pushes its id into each group.
CREATE VIEW "search_postmortem_sources" AS
SELECT p.id AS postmortem_id, p.number, p.created_at, p.phase, p.restricted,
  coalesce(inc.restricted_incident_ids, '{}') AS restricted_incident_ids, inc.severity,
  coalesce(inc.kinds, '{}') AS kinds, coalesce(svc.services, '{}') AS services,
  coalesce(cat.categories, '{}') AS categories, inc.first_started_at, inc.last_started_at,
  coalesce(doc.document, '') AS document, coalesce(doc.title_document, '') AS title_document
FROM postmortems p
LEFT JOIN (
  SELECT pi.postmortem_id, array_agg(i.id) FILTER (WHERE i.restricted) AS restricted_incident_ids,
    min(i.severity) AS severity,
    array_agg(DISTINCT i.kind ORDER BY i.kind) AS kinds,
    min(i.started_at) AS first_started_at, max(i.started_at) AS last_started_at
  FROM postmortem_incidents pi JOIN incidents i ON i.id = pi.incident_id
  GROUP BY pi.postmortem_id
) inc ON inc.postmortem_id = p.id
LEFT JOIN (
  SELECT pi.postmortem_id, array_agg(DISTINCT s.service ORDER BY s.service) AS services
  FROM postmortem_incidents pi JOIN incidents i ON i.id = pi.incident_id,
    unnest(i.services) AS s(service)
  GROUP BY pi.postmortem_id
) svc ON svc.postmortem_id = p.id
LEFT JOIN (
  SELECT c.postmortem_id, array_agg(DISTINCT c.category ORDER BY c.category) AS categories
  FROM (
    SELECT f.postmortem_id, f.category FROM contributing_factors f
    UNION ALL
    SELECT w.postmortem_id, w.category FROM why_nodes w WHERE w.mark <> 'none' AND w.category IS NOT NULL
  ) c
  GROUP BY c.postmortem_id
) cat ON cat.postmortem_id = p.id
LEFT JOIN (
  SELECT d.postmortem_id,
    debrief_tsvector_agg(d.document ORDER BY d.part) FILTER (WHERE d.part NOT LIKE 'restricted:%') AS document,
    (array_agg(d.document) FILTER (WHERE d.part = 'title'))[1] AS title_document
  FROM search_documents d
  GROUP BY d.postmortem_id
) doc ON doc.postmortem_id = p.id;
--> statement-breakpoint
-- JIT off: the grouped view's estimates can pass the JIT threshold, and compiling costs more
-- than rebuilding one postmortem's rows.
CREATE OR REPLACE FUNCTION "debrief_refresh_search_documents"(pm uuid) RETURNS void LANGUAGE sql SET jit = off AS $$
  DELETE FROM search_documents WHERE postmortem_id = pm;
  INSERT INTO search_documents (postmortem_id, part, body, document)
  SELECT s.postmortem_id, s.part, s.body, setweight(to_tsvector('english', s.body), s.weight)
  FROM search_document_sources s
  WHERE s.postmortem_id = pm AND EXISTS (SELECT 1 FROM postmortems p WHERE p.id = pm);
  DELETE FROM search_postmortems WHERE postmortem_id = pm;
  INSERT INTO search_postmortems
  SELECT * FROM search_postmortem_sources s WHERE s.postmortem_id = pm;
$$;
--> statement-breakpoint
-- An incident's words and filter columns live on the search rows of the postmortems reviewing it.
CREATE FUNCTION "debrief_search_mark_incident"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_pending
  SELECT pi.postmortem_id FROM postmortem_incidents pi WHERE pi.incident_id = NEW.id
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "incidents_search" AFTER UPDATE OF "title", "summary", "kind", "severity", "services", "restricted", "started_at" ON "incidents"
  FOR EACH ROW WHEN ((OLD.title, OLD.summary, OLD.kind, OLD.severity, OLD.services, OLD.restricted, OLD.started_at)
    IS DISTINCT FROM (NEW.title, NEW.summary, NEW.kind, NEW.severity, NEW.services, NEW.restricted, NEW.started_at))
  EXECUTE FUNCTION debrief_search_mark_incident();
--> statement-breakpoint
CREATE TRIGGER "postmortem_incidents_search" AFTER INSERT OR DELETE OR UPDATE ON "postmortem_incidents"
  FOR EACH ROW EXECUTE FUNCTION debrief_search_mark_pending();
--> statement-breakpoint
DROP TRIGGER "postmortems_search_update" ON "postmortems";
--> statement-breakpoint
CREATE TRIGGER "postmortems_search_update" AFTER UPDATE OF "title", "sections", "phase", "restricted" ON "postmortems"
  FOR EACH ROW WHEN ((OLD.title, OLD.sections, OLD.phase, OLD.restricted) IS DISTINCT FROM (NEW.title, NEW.sections, NEW.phase, NEW.restricted))
  EXECUTE FUNCTION debrief_search_mark_postmortem();
--> statement-breakpoint
DROP TRIGGER "why_nodes_search" ON "why_nodes";
--> statement-breakpoint
CREATE TRIGGER "why_nodes_search" AFTER INSERT OR DELETE OR UPDATE OF "question", "answer", "position", "mark", "category", "postmortem_id" ON "why_nodes"
  FOR EACH ROW EXECUTE FUNCTION debrief_search_mark_pending();
--> statement-breakpoint
DROP TRIGGER "contributing_factors_search" ON "contributing_factors";
--> statement-breakpoint
CREATE TRIGGER "contributing_factors_search" AFTER INSERT OR DELETE OR UPDATE OF "description", "accepted_risk_reason", "category", "postmortem_id" ON "contributing_factors"
  FOR EACH ROW EXECUTE FUNCTION debrief_search_mark_pending();
--> statement-breakpoint
-- Existing postmortems, set-based: the new `incidents` part, then every search row.
INSERT INTO search_documents (postmortem_id, part, body, document)
SELECT s.postmortem_id, s.part, s.body, setweight(to_tsvector('english', s.body), s.weight)
FROM search_document_sources s WHERE s.part = 'incidents';
--> statement-breakpoint
INSERT INTO search_postmortems SELECT * FROM search_postmortem_sources;
--> statement-breakpoint
CREATE INDEX "search_postmortems_document_idx" ON "search_postmortems" USING gin ("document");
--> statement-breakpoint
CREATE INDEX "search_postmortems_created_at_idx" ON "search_postmortems" USING btree ("created_at","postmortem_id");
--> statement-breakpoint
CREATE INDEX "search_documents_restricted_idx" ON "search_documents" USING gin ("document") WHERE "search_documents"."part" like 'restricted:%';
