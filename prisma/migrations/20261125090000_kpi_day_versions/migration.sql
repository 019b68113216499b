-- Response-time figures over long ranges keep finished days and months of cells in the server's memory
-- (server/history/kpi-range-cache.ts). This counter per UTC day says when they are out of date: it is bumped
-- in the same transaction as any change to that day's incidents, so every server process sees it.
-- Raw SQL only, like entity_history.
CREATE TABLE "kpi_day_versions" (
    "day" DATE NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "kpi_day_versions_pkey" PRIMARY KEY ("day")
);

-- Statement-level, so a bulk load bumps each day once. Rows created today (UTC) bump nothing: every new
-- incident and most live milestones land there, and one counter row for all of them would serialise those
-- transactions on its lock. A day is cached only once it ended an hour ago, by when any transaction that
-- wrote to it while it was still today has long committed.
CREATE FUNCTION "kpi_day_touched"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    today TIMESTAMP := date_trunc('day', now() AT TIME ZONE 'UTC');
BEGIN
    -- An update counts once per day, for the day it left and the day it landed on.
    IF TG_OP = 'INSERT' THEN
        INSERT INTO "kpi_day_versions" AS v ("day", "version")
        SELECT DISTINCT ("created_at" AT TIME ZONE 'UTC')::date, 1 FROM "kpi_new_rows"
        WHERE "created_at" AT TIME ZONE 'UTC' < today
        ORDER BY 1
        ON CONFLICT ("day") DO UPDATE SET "version" = v."version" + 1;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO "kpi_day_versions" AS v ("day", "version")
        SELECT DISTINCT ("created_at" AT TIME ZONE 'UTC')::date, 1
        FROM (SELECT "created_at" FROM "kpi_new_rows" UNION ALL SELECT "created_at" FROM "kpi_old_rows") AS changed
        WHERE "created_at" AT TIME ZONE 'UTC' < today
        ORDER BY 1
        ON CONFLICT ("day") DO UPDATE SET "version" = v."version" + 1;
    ELSE
        INSERT INTO "kpi_day_versions" AS v ("day", "version")
        SELECT DISTINCT ("created_at" AT TIME ZONE 'UTC')::date, 1 FROM "kpi_old_rows"
        WHERE "created_at" AT TIME ZONE 'UTC' < today
        ORDER BY 1
        ON CONFLICT ("day") DO UPDATE SET "version" = v."version" + 1;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "incidents_kpi_day_inserted" AFTER INSERT ON "incidents"
    REFERENCING NEW TABLE AS "kpi_new_rows"
    FOR EACH STATEMENT EXECUTE FUNCTION "kpi_day_touched"();
CREATE TRIGGER "incidents_kpi_day_updated" AFTER UPDATE ON "incidents"
    REFERENCING OLD TABLE AS "kpi_old_rows" NEW TABLE AS "kpi_new_rows"
    FOR EACH STATEMENT EXECUTE FUNCTION "kpi_day_touched"();
CREATE TRIGGER "incidents_kpi_day_deleted" AFTER DELETE ON "incidents"
    REFERENCING OLD TABLE AS "kpi_old_rows"
    FOR EACH STATEMENT EXECUTE FUNCTION "kpi_day_touched"();
