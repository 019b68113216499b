-- Alerts whose condition still holds are read back at every start (and partition takeover) so an
-- ongoing condition continues its one alert; without this the read scans the whole table.
CREATE INDEX "alerts_condition_ongoing_idx" ON "alerts" ("rule_id", "entity_id") WHERE "condition_cleared_at" IS NULL;
