-- Indexes for the supervisors' history (keyset-paged lists, exports, map points), chosen from EXPLAIN ANALYZE
-- on 1,000,000 seeded incidents (npm run seed:history). Hand-written to match prisma/schema.prisma.

-- Newest/oldest first with or without a range, deep pages from a (created_at, id) cursor, map points.
CREATE INDEX "incidents_created_at_id_idx" ON "incidents"("created_at" DESC, "id" DESC);

-- A type or a zone filter whose rows are too sparse to find by walking the whole order.
CREATE INDEX "incidents_type_created_at_id_idx" ON "incidents"("type", "created_at" DESC, "id" DESC);
CREATE INDEX "incidents_zone_created_at_id_idx" ON "incidents"("zone", "created_at" DESC, "id" DESC);

-- Sorted by priority: each priority's rows newest first, continued from a cursor.
CREATE INDEX "incidents_priority_created_at_id_idx" ON "incidents"("priority", "created_at" DESC, "id" DESC);

-- The operator filter: incidents someone created, and the incidents of their timeline entries (index-only).
CREATE INDEX "incidents_created_by_id_idx" ON "incidents"("created_by_id");
CREATE INDEX "incident_events_actor_id_incident_id_idx" ON "incident_events"("actor_id", "incident_id");

-- The unit filter: was this unit sent to this incident (index-only probe).
CREATE INDEX "dispatches_unit_id_incident_id_idx" ON "dispatches"("unit_id", "incident_id");

-- Alert history: newest/oldest first and most severe first, from a cursor.
CREATE INDEX "alerts_first_seen_at_id_idx" ON "alerts"("first_seen_at" DESC, "id" DESC);
CREATE INDEX "alerts_severity_first_seen_at_id_idx" ON "alerts"("severity", "first_seen_at" DESC, "id" DESC);
