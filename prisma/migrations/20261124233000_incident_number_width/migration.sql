-- Incident numbers past 999,999 in the sequence: lpad(…, 6) would cut them to six characters and collide
-- on the unique index. Six digits at least, all of them beyond; nextval evaluated once.
CREATE FUNCTION "next_incident_number"() RETURNS TEXT LANGUAGE sql VOLATILE AS $$
    SELECT 'INC-' || to_char(now() AT TIME ZONE 'UTC', 'YYYY') || '-' || CASE WHEN n < 1000000 THEN lpad(n::text, 6, '0') ELSE n::text END
    FROM (SELECT nextval('incident_number_seq') AS n) AS next
$$;

ALTER TABLE "incidents" ALTER COLUMN "number" SET DEFAULT "next_incident_number"();
