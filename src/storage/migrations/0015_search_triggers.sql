-- The search documents are kept by the database, at write time: every write to a postmortem or
-- to a part it owns marks the postmortem in search_pending (a row trigger, cheap), and a
-- deferred constraint trigger rebuilds its documents once when the transaction commits. So a
-- search never sees a half-written review, a bulk import rebuilds each postmortem once, and no
-- write path (today's or a future one) can forget to keep search current.

-- What is searchable, one row per part. Each body is cut at 100,000 characters: a tsvector of
-- at most 400 kB of lexemes stays well under PostgreSQL's 1 MB limit. Characters 2 and 3 are
-- removed: they mark the highlighted words of a snippet.
CREATE VIEW "search_document_sources" AS
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
) parts;
--> statement-breakpoint
CREATE FUNCTION "debrief_refresh_search_documents"(pm uuid) RETURNS void LANGUAGE sql AS $$
  DELETE FROM search_documents WHERE postmortem_id = pm;
  INSERT INTO search_documents (postmortem_id, part, body, document)
  SELECT s.postmortem_id, s.part, s.body, setweight(to_tsvector('english', s.body), s.weight)
  FROM search_document_sources s
  WHERE s.postmortem_id = pm AND EXISTS (SELECT 1 FROM postmortems p WHERE p.id = pm);
$$;
--> statement-breakpoint
CREATE FUNCTION "debrief_search_mark_pending"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO search_pending VALUES (OLD.postmortem_id) ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO search_pending VALUES (NEW.postmortem_id) ON CONFLICT DO NOTHING;
    IF TG_OP = 'UPDATE' AND NEW.postmortem_id IS DISTINCT FROM OLD.postmortem_id THEN
      INSERT INTO search_pending VALUES (OLD.postmortem_id) ON CONFLICT DO NOTHING;
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "debrief_search_mark_postmortem"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_pending VALUES (NEW.id) ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "debrief_search_refresh_pending"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Another deferred event of this transaction may already have rebuilt it.
  DELETE FROM search_pending WHERE postmortem_id = NEW.postmortem_id;
  IF FOUND THEN
    PERFORM debrief_refresh_search_documents(NEW.postmortem_id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "postmortems_search_insert" AFTER INSERT ON "postmortems"
  FOR EACH ROW EXECUTE FUNCTION debrief_search_mark_postmortem();
--> statement-breakpoint
CREATE TRIGGER "postmortems_search_update" AFTER UPDATE OF "title", "sections" ON "postmortems"
  FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.sections IS DISTINCT FROM NEW.sections)
  EXECUTE FUNCTION debrief_search_mark_postmortem();
--> statement-breakpoint
CREATE TRIGGER "why_nodes_search" AFTER INSERT OR DELETE OR UPDATE OF "question", "answer", "position", "postmortem_id" ON "why_nodes"
  FOR EACH ROW EXECUTE FUNCTION debrief_search_mark_pending();
--> statement-breakpoint
CREATE TRIGGER "contributing_factors_search" AFTER INSERT OR DELETE OR UPDATE OF "description", "accepted_risk_reason", "postmortem_id" ON "contributing_factors"
  FOR EACH ROW EXECUTE FUNCTION debrief_search_mark_pending();
--> statement-breakpoint
CREATE TRIGGER "action_items_search" AFTER INSERT OR DELETE OR UPDATE OF "title", "success_criterion", "postmortem_id" ON "action_items"
  FOR EACH ROW EXECUTE FUNCTION debrief_search_mark_pending();
--> statement-breakpoint
CREATE TRIGGER "timeline_events_search" AFTER INSERT OR DELETE OR UPDATE OF "text", "status", "occurred_at", "postmortem_id" ON "timeline_events"
  FOR EACH ROW EXECUTE FUNCTION debrief_search_mark_pending();
--> statement-breakpoint
CREATE TRIGGER "restricted_sections_search" AFTER INSERT OR DELETE OR UPDATE OF "body", "section_key", "postmortem_id" ON "restricted_sections"
  FOR EACH ROW EXECUTE FUNCTION debrief_search_mark_pending();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "search_pending_refresh" AFTER INSERT ON "search_pending"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION debrief_search_refresh_pending();
--> statement-breakpoint
-- Postmortems written before this migration.
INSERT INTO search_documents (postmortem_id, part, body, document)
SELECT s.postmortem_id, s.part, s.body, setweight(to_tsvector('english', s.body), s.weight)
FROM search_document_sources s;
