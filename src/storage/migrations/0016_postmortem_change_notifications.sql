-- Every committed change to a postmortem or one of its parts bumps its revision (or, for its own
-- fields, its version); this tells whoever LISTENs, on every Debrief instance, which one changed.
-- The payload carries ids and numbers only, never text: what a listener may see is decided per
-- viewer. NOTIFY is transactional, so a rolled-back change is never announced.
CREATE OR REPLACE FUNCTION debrief_notify_postmortem_change() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify(
    'debrief_postmortem_changes',
    json_build_object('id', NEW.id, 'revision', NEW.revision, 'version', NEW.version)::text
  );
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER postmortems_notify_change
  AFTER UPDATE ON postmortems
  FOR EACH ROW
  WHEN (OLD.revision IS DISTINCT FROM NEW.revision OR OLD.version IS DISTINCT FROM NEW.version)
  EXECUTE FUNCTION debrief_notify_postmortem_change();
