-- Supervisors' history, response-time figures, time playback and shift handover.
-- Hand-written to match prisma/schema.prisma (Prisma 7's CLI cannot diff offline).

-- AlterTable: response-time milestones and full-text search on incidents.
ALTER TABLE "incidents"
    ADD COLUMN "acknowledged_at" TIMESTAMPTZ(3),
    ADD COLUMN "first_dispatched_at" TIMESTAMPTZ(3),
    ADD COLUMN "first_on_scene_at" TIMESTAMPTZ(3),
    ADD COLUMN "resolved_at" TIMESTAMPTZ(3),
    ADD COLUMN "closed_at" TIMESTAMPTZ(3),
    ADD COLUMN "notes_text" TEXT NOT NULL DEFAULT '',
    ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
        to_tsvector('simple'::regconfig, "number" || ' ' || "description" || ' ' || coalesce("address", '') || ' ' || "notes_text")
    ) STORED;

CREATE INDEX "incidents_search_idx" ON "incidents" USING GIN ("search");

-- The milestones follow the timeline: one place keeps them right for every action that writes an entry.
CREATE FUNCTION "incident_milestones_from_timeline"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW."kind" = 'statusChanged' THEN
        UPDATE "incidents" SET
            "acknowledged_at" = CASE WHEN NEW."data"->>'from' = 'new' THEN coalesce("acknowledged_at", NEW."at") ELSE "acknowledged_at" END,
            "first_on_scene_at" = CASE WHEN NEW."data"->>'to' = 'onScene' THEN coalesce("first_on_scene_at", NEW."at") ELSE "first_on_scene_at" END,
            -- Reopened: no longer resolved.
            "resolved_at" = CASE WHEN NEW."data"->>'to' = 'resolved' THEN NEW."at"
                                 WHEN NEW."data"->>'to' IN ('acknowledged', 'dispatched', 'onScene') THEN NULL
                                 ELSE "resolved_at" END,
            "closed_at" = CASE WHEN NEW."data"->>'to' = 'closed' THEN NEW."at" ELSE "closed_at" END
        WHERE "id" = NEW."incident_id";
    ELSIF NEW."kind" = 'unitDispatched' THEN
        UPDATE "incidents" SET "first_dispatched_at" = coalesce("first_dispatched_at", NEW."at") WHERE "id" = NEW."incident_id";
    ELSIF NEW."kind" = 'unitStatusChanged' AND NEW."data"->>'to' = 'onScene' THEN
        UPDATE "incidents" SET "first_on_scene_at" = coalesce("first_on_scene_at", NEW."at") WHERE "id" = NEW."incident_id";
    ELSIF NEW."kind" = 'note' AND NEW."data" ? 'text' THEN
        UPDATE "incidents" SET "notes_text" = left("notes_text" || ' ' || (NEW."data"->>'text'), 100000) WHERE "id" = NEW."incident_id";
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER "incident_events_milestones" AFTER INSERT ON "incident_events"
    FOR EACH ROW EXECUTE FUNCTION "incident_milestones_from_timeline"();

-- CreateTable
CREATE TABLE "kpi_targets" (
    "metric" TEXT NOT NULL,
    "target_seconds" INTEGER NOT NULL,
    "updated_by_id" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "kpi_targets_pkey" PRIMARY KEY ("metric"),
    CONSTRAINT "kpi_targets_metric_check" CHECK ("metric" IN ('mtta', 'timeToDispatch', 'timeToArrive', 'mttr'))
);

-- CreateTable
CREATE TABLE "shift_handovers" (
    "id" UUID NOT NULL,
    "author_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT NOT NULL,
    "summary" JSONB NOT NULL,

    CONSTRAINT "shift_handovers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "handover_reads" (
    "handover_id" UUID NOT NULL,
    "user_id" TEXT NOT NULL,
    "read_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "handover_reads_pkey" PRIMARY KEY ("handover_id", "user_id")
);

CREATE INDEX "shift_handovers_created_at_idx" ON "shift_handovers"("created_at" DESC);
ALTER TABLE "shift_handovers" ADD CONSTRAINT "shift_handovers_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "handover_reads" ADD CONSTRAINT "handover_reads_handover_id_fkey" FOREIGN KEY ("handover_id") REFERENCES "shift_handovers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "handover_reads" ADD CONSTRAINT "handover_reads_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Time playback: the latest event of every entity, one row per entity per minute, one partition per day
-- (the recorder creates partitions ahead and drops whole partitions past the retention: no DELETE scans).
CREATE TABLE "entity_history" (
    "minute" TIMESTAMPTZ(0) NOT NULL,
    "layer" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "data" JSONB NOT NULL,

    CONSTRAINT "entity_history_pkey" PRIMARY KEY ("minute", "layer", "entity_id")
) PARTITION BY RANGE ("minute");
