-- Crew reports queued offline arrive late but carry the time the crew tapped: the first dispatch and first
-- arrival are the earliest such times, not the first to reach the server (LEAST ignores NULL).
CREATE OR REPLACE FUNCTION "incident_milestones_from_timeline"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW."kind" = 'statusChanged' THEN
        UPDATE "incidents" SET
            "acknowledged_at" = CASE WHEN NEW."data"->>'from' = 'new' THEN coalesce("acknowledged_at", NEW."at") ELSE "acknowledged_at" END,
            "first_on_scene_at" = CASE WHEN NEW."data"->>'to' = 'onScene' THEN LEAST("first_on_scene_at", NEW."at") ELSE "first_on_scene_at" END,
            -- Reopened: no longer resolved.
            "resolved_at" = CASE WHEN NEW."data"->>'to' = 'resolved' THEN NEW."at"
                                 WHEN NEW."data"->>'to' IN ('acknowledged', 'dispatched', 'onScene') THEN NULL
                                 ELSE "resolved_at" END,
            "closed_at" = CASE WHEN NEW."data"->>'to' = 'closed' THEN NEW."at" ELSE "closed_at" END
        WHERE "id" = NEW."incident_id";
    ELSIF NEW."kind" = 'unitDispatched' THEN
        UPDATE "incidents" SET "first_dispatched_at" = LEAST("first_dispatched_at", NEW."at") WHERE "id" = NEW."incident_id";
    ELSIF NEW."kind" = 'unitStatusChanged' AND NEW."data"->>'to' = 'onScene' THEN
        UPDATE "incidents" SET "first_on_scene_at" = LEAST("first_on_scene_at", NEW."at") WHERE "id" = NEW."incident_id";
    ELSIF NEW."kind" = 'note' AND NEW."data" ? 'text' THEN
        UPDATE "incidents" SET "notes_text" = left("notes_text" || ' ' || (NEW."data"->>'text'), 100000) WHERE "id" = NEW."incident_id";
    END IF;
    RETURN NEW;
END;
$$;
