-- Legal hold: every earlier version of a held postmortem's rows is kept, by the database, before
-- any update or delete of the postmortem or one of its parts, whatever code path makes it.
CREATE OR REPLACE FUNCTION keep_revision_under_legal_hold() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  held uuid;
BEGIN
  IF TG_TABLE_NAME = 'postmortems' THEN
    held := OLD.id;
  ELSE
    held := OLD.postmortem_id;
  END IF;
  IF EXISTS (SELECT 1 FROM legal_holds WHERE postmortem_id = held) THEN
    INSERT INTO legal_hold_revisions (postmortem_id, table_name, operation, "row")
    VALUES (held, TG_TABLE_NAME, lower(TG_OP), to_jsonb(OLD));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER postmortems_legal_hold AFTER UPDATE OR DELETE ON postmortems FOR EACH ROW EXECUTE FUNCTION keep_revision_under_legal_hold();
--> statement-breakpoint
CREATE TRIGGER restricted_sections_legal_hold AFTER UPDATE OR DELETE ON restricted_sections FOR EACH ROW EXECUTE FUNCTION keep_revision_under_legal_hold();
--> statement-breakpoint
CREATE TRIGGER timeline_events_legal_hold AFTER UPDATE OR DELETE ON timeline_events FOR EACH ROW EXECUTE FUNCTION keep_revision_under_legal_hold();
--> statement-breakpoint
CREATE TRIGGER contributing_factors_legal_hold AFTER UPDATE OR DELETE ON contributing_factors FOR EACH ROW EXECUTE FUNCTION keep_revision_under_legal_hold();
--> statement-breakpoint
CREATE TRIGGER action_items_legal_hold AFTER UPDATE OR DELETE ON action_items FOR EACH ROW EXECUTE FUNCTION keep_revision_under_legal_hold();
--> statement-breakpoint
CREATE TRIGGER why_nodes_legal_hold AFTER UPDATE OR DELETE ON why_nodes FOR EACH ROW EXECUTE FUNCTION keep_revision_under_legal_hold();
--> statement-breakpoint
CREATE TRIGGER participants_legal_hold AFTER UPDATE OR DELETE ON participants FOR EACH ROW EXECUTE FUNCTION keep_revision_under_legal_hold();
--> statement-breakpoint
CREATE TRIGGER open_questions_legal_hold AFTER UPDATE OR DELETE ON open_questions FOR EACH ROW EXECUTE FUNCTION keep_revision_under_legal_hold();
--> statement-breakpoint
CREATE TRIGGER personal_accounts_legal_hold AFTER UPDATE OR DELETE ON personal_accounts FOR EACH ROW EXECUTE FUNCTION keep_revision_under_legal_hold();
--> statement-breakpoint
CREATE TRIGGER finding_waivers_legal_hold AFTER UPDATE OR DELETE ON finding_waivers FOR EACH ROW EXECUTE FUNCTION keep_revision_under_legal_hold();
--> statement-breakpoint
CREATE TRIGGER review_requests_legal_hold AFTER UPDATE OR DELETE ON review_requests FOR EACH ROW EXECUTE FUNCTION keep_revision_under_legal_hold();
--> statement-breakpoint
CREATE TRIGGER comments_legal_hold AFTER UPDATE OR DELETE ON comments FOR EACH ROW EXECUTE FUNCTION keep_revision_under_legal_hold();
