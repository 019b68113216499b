-- Response-time figures read a range of incidents by created_at and only these columns: an index-only scan
-- of this index instead of the table (measured on 1M incidents, one year: scan 360 ms → 120 ms).
-- INCLUDE is not expressible in the Prisma schema; the index lives here only.
CREATE INDEX "incidents_kpi_covering_idx" ON "incidents" ("created_at")
    INCLUDE ("type", "zone", "acknowledged_at", "first_dispatched_at", "first_on_scene_at", "resolved_at");
