-- Incident numbers (INC-<year>-<6 digits>) come from this sequence through the incidents.number default.
CREATE SEQUENCE "incident_number_seq";

-- CreateEnum
CREATE TYPE "alert_severity" AS ENUM ('critical', 'major', 'minor', 'warning');

-- CreateEnum
CREATE TYPE "incident_priority" AS ENUM ('P1', 'P2', 'P3', 'P4');

-- CreateTable
CREATE TABLE "alerts" (
    "id" UUID NOT NULL,
    "dedup_key" TEXT NOT NULL,
    "rule_id" TEXT NOT NULL,
    "rule_name" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "related_entity_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "severity" "alert_severity" NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "escalated" BOOLEAN NOT NULL DEFAULT false,
    "message" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "worst_value" JSONB NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "condition_cleared_at" TIMESTAMPTZ(3),
    "lon" DOUBLE PRECISION NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "zone" TEXT NOT NULL,
    "acknowledged_by_id" TEXT,
    "acknowledged_at" TIMESTAMPTZ(3),
    "assigned_to_id" TEXT,
    "incident_id" UUID,
    "correlation_group" TEXT,
    "resolved_at" TIMESTAMPTZ(3),
    "resolution" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "alerts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_notes" (
    "id" UUID NOT NULL,
    "alert_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "author_id" TEXT NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "alert_notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incidents" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL DEFAULT ('INC-'::text || to_char((now() AT TIME ZONE 'UTC'::text), 'YYYY'::text) || '-'::text || lpad((nextval('incident_number_seq'::regclass))::text, 6, '0'::text)),
    "type" TEXT NOT NULL,
    "priority" "incident_priority" NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'new',
    "lon" DOUBLE PRECISION NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "zone" TEXT NOT NULL,
    "address" TEXT,
    "description" TEXT NOT NULL,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "incidents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incident_events" (
    "id" BIGSERIAL NOT NULL,
    "incident_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "actor_id" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "incident_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rule_settings" (
    "id" TEXT NOT NULL,
    "definition" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_by_id" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rule_settings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "alerts_dedup_key_key" ON "alerts"("dedup_key");

-- CreateIndex
CREATE INDEX "alerts_status_severity_last_seen_at_idx" ON "alerts"("status", "severity", "last_seen_at" DESC);

-- CreateIndex
CREATE INDEX "alerts_incident_id_idx" ON "alerts"("incident_id");

-- CreateIndex
CREATE INDEX "alert_notes_alert_id_at_idx" ON "alert_notes"("alert_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "incidents_number_key" ON "incidents"("number");

-- CreateIndex
CREATE INDEX "incidents_status_priority_created_at_idx" ON "incidents"("status", "priority", "created_at" DESC);

-- CreateIndex
CREATE INDEX "incident_events_incident_id_id_idx" ON "incident_events"("incident_id", "id");

-- AddForeignKey
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_acknowledged_by_id_fkey" FOREIGN KEY ("acknowledged_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_assigned_to_id_fkey" FOREIGN KEY ("assigned_to_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_notes" ADD CONSTRAINT "alert_notes_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_notes" ADD CONSTRAINT "alert_notes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_events" ADD CONSTRAINT "incident_events_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "incident_events" ADD CONSTRAINT "incident_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;



-- Statuses are fixed by the application (lib/contracts/incidents.ts); refuse anything else at the source.
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_status_check" CHECK ("status" IN ('open', 'acknowledged', 'resolved'));
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_status_check" CHECK ("status" IN ('new', 'acknowledged', 'dispatched', 'onScene', 'resolved', 'closed'));

-- An incident's timeline is append-only, like the audit log: history cannot be rewritten.
CREATE FUNCTION "incident_events_reject_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'incident_events is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "incident_events_no_update_delete" BEFORE UPDATE OR DELETE ON "incident_events"
    FOR EACH ROW EXECUTE FUNCTION "incident_events_reject_change"();

CREATE TRIGGER "incident_events_no_truncate" BEFORE TRUNCATE ON "incident_events"
    FOR EACH STATEMENT EXECUTE FUNCTION "incident_events_reject_change"();
