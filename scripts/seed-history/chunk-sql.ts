/**
 * The SQL that writes one chunk of seeded history: incidents first_g..last_g drawn into a temp table, then
 * copied into incidents, dispatches and incident_events. Everything random happens in PostgreSQL
 * (generate_series + random()), so a million incidents never pass through Node.
 * Lookup tables seed_type / seed_zone / seed_unit are created by createLookupSql first.
 */

const LOOKUP_COLUMNS = {
  seed_type: `type text, lo float8, hi float8, pcum float8[], unit1 text, unit2 text,
    dispatched float8, second_unit float8, work_minutes float8, descriptions text[]`,
  seed_zone: "zone text, lo float8, hi float8, west float8, south float8, dx float8, dy float8",
  seed_unit: "type text, ids text[], signs text[]",
} as const;
export type TLookupTable = keyof typeof LOOKUP_COLUMNS;

/** A lookup table filled from a JSON array ($1). Utility statements take no parameters, hence create + insert. */
export function createLookupSql(table: TLookupTable): [create: string, fill: string] {
  return [
    `CREATE TEMP TABLE ${table} (${LOOKUP_COLUMNS[table]})`,
    `INSERT INTO ${table} SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(${LOOKUP_COLUMNS[table]})`,
  ];
}

/** The chunk's parameters live in a one-row temp table: CREATE TABLE AS cannot take bind parameters. */
export const CREATE_PARAMS_SQL = `CREATE TEMP TABLE seed_params (
  first_g int, last_g int, total int, days float8, first_day date, tz text, operators text[], streets text[], notes text[],
  ack_means float8[], dispatch_means float8[], travel_means float8[], note_share float8, open_share float8,
  address_share float8, year_bases jsonb, trainee text, trainee_share float8)`;
export const SET_PARAMS_SQL = `INSERT INTO seed_params VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`;
export const CLEAR_PARAMS_SQL = `DELETE FROM seed_params`;

/** Draws incidents first_g..last_g of seed_params into seed_chunk (milestones, units, notes, numbers). */
export const DRAW_CHUNK_SQL = `
CREATE TEMP TABLE seed_chunk AS
WITH draws AS MATERIALIZED (
  SELECT g,
    random() AS r_type, random() AS r_zone, random() AS r_pri, random() AS r_lon, random() AS r_lat,
    -- roughly normal: most incidents in the afternoon, few at night
    (random() + random() + random() - 1.5) * 2 AS z_tod,
    random() AS r_ack, random() AS r_dispatch_yes, random() AS r_dispatch, random() AS r_travel,
    random() AS r_second, random() AS r_second_gap, random() AS r_second_arrive, random() AS r_eta,
    random() AS r_work, random() AS r_close, random() AS r_open, random() AS r_note, random() AS r_note_pick,
    random() AS r_desc, random() AS r_addr, random() AS r_street, random() AS r_house,
    random() AS r_creator, random() AS r_mate, random() AS r_trainee, random() AS r_u1, random() AS r_u2
  FROM seed_params p, generate_series(p.first_g, p.last_g) AS g
),
typed AS MATERIALIZED (
  SELECT d.*, t.type, t.unit1, t.unit2, t.dispatched, t.second_unit, t.work_minutes,
    t.descriptions[1 + floor(d.r_desc * cardinality(t.descriptions))::int] AS description,
    CASE WHEN d.r_pri < t.pcum[1] THEN 1 WHEN d.r_pri < t.pcum[2] THEN 2 WHEN d.r_pri < t.pcum[3] THEN 3 ELSE 4 END AS pri,
    z.zone, z.west + d.r_lon * z.dx AS lon, z.south + d.r_lat * z.dy AS lat,
    mod((14 + 5 * d.z_tod)::numeric + 48, 24)::float8 AS tod
  FROM draws d
  JOIN seed_type t ON d.r_type >= t.lo AND d.r_type < t.hi
  JOIN seed_zone z ON d.r_zone >= z.lo AND d.r_zone < z.hi
),
created AS MATERIALIZED (
  -- today's draws later than now move back a day, keeping the daily pattern
  SELECT x.*, CASE WHEN x.raw_at > now() THEN x.raw_at - interval '1 day' ELSE x.raw_at END AS created_at
  FROM (
    SELECT typed.*,
      ((p.first_day + floor(typed.g::float8 * p.days / p.total)::int) + typed.tod * interval '1 hour') AT TIME ZONE p.tz AS raw_at
    FROM typed CROSS JOIN seed_params p
  ) x
),
acted AS MATERIALIZED (
  SELECT c.*,
    c.created_at + (5 + -ln(1 - c.r_ack) * p.ack_means[c.pri] * CASE WHEN c.tod < 6 THEN 1.6 ELSE 1 END) * interval '1 second' AS ack_at,
    su1.ids IS NOT NULL AND c.r_dispatch_yes < c.dispatched AS is_dispatched,
    su1.ids[1 + floor(c.r_u1 * cardinality(su1.ids))::int] AS u1_id,
    su1.signs[1 + floor(c.r_u1 * cardinality(su1.ids))::int] AS u1_sign,
    su2.ids[1 + floor(c.r_u2 * cardinality(su2.ids))::int] AS u2_id,
    su2.signs[1 + floor(c.r_u2 * cardinality(su2.ids))::int] AS u2_sign,
    (60 + -ln(1 - c.r_travel) * p.travel_means[c.pri]) AS travel_s,
    p.operators[1 + floor(c.r_creator * cardinality(p.operators))::int] AS creator,
    CASE WHEN c.r_trainee < p.trainee_share THEN p.trainee ELSE p.operators[1 + floor(c.r_mate * cardinality(p.operators))::int] END AS mate
  FROM created c
  CROSS JOIN seed_params p
  LEFT JOIN seed_unit su1 ON su1.type = c.unit1 AND cardinality(su1.ids) > 0
  LEFT JOIN seed_unit su2 ON su2.type = c.unit2 AND cardinality(su2.ids) > 0
),
dispatched AS MATERIALIZED (
  SELECT a.*,
    CASE WHEN a.is_dispatched THEN a.ack_at + (10 + -ln(1 - a.r_dispatch) * p.dispatch_means[a.pri]) * interval '1 second' END AS fd_at
  FROM acted a CROSS JOIN seed_params p
),
arrived AS MATERIALIZED (
  SELECT d.*, d.fd_at + d.travel_s * interval '1 second' AS os_at FROM dispatched d
),
worked AS MATERIALIZED (
  SELECT a.*,
    coalesce(a.os_at, a.ack_at) + (120 + -ln(1 - a.r_work) * a.work_minutes * 60) * interval '1 second' AS res_at
  FROM arrived a
),
settled AS MATERIALIZED (
  SELECT w.*,
    w.r_open < p.open_share OR w.res_at > now() AS left_open,
    w.res_at + (1800 + -ln(1 - w.r_close) * 86400) * interval '1 second' AS close_at
  FROM worked w CROSS JOIN seed_params p
)
SELECT
  s.g, gen_random_uuid() AS id, extract(year FROM s.created_at AT TIME ZONE 'UTC')::int AS yr,
  'INC-' || extract(year FROM s.created_at AT TIME ZONE 'UTC')::int || '-' || lpad((
    coalesce((p.year_bases ->> extract(year FROM s.created_at AT TIME ZONE 'UTC')::int::text)::int, 0)
    + row_number() OVER (PARTITION BY extract(year FROM s.created_at AT TIME ZONE 'UTC') ORDER BY s.created_at, s.g))::text, 6, '0') AS number,
  s.type, 'P' || s.pri AS priority, s.zone, s.lon, s.lat, s.description,
  CASE WHEN s.r_addr < p.address_share THEN (1 + floor(s.r_house * 420))::int || ' ' || p.streets[1 + floor(s.r_street * cardinality(p.streets))::int] END AS address,
  s.creator, s.mate, s.created_at,
  CASE
    WHEN s.left_open THEN CASE WHEN s.ack_at <= now() THEN 'acknowledged' ELSE 'new' END
    WHEN s.close_at <= now() THEN 'closed'
    ELSE 'resolved'
  END AS status,
  CASE WHEN s.ack_at <= now() THEN s.ack_at END AS ack_at,
  CASE WHEN NOT s.left_open THEN s.fd_at END AS fd_at,
  CASE WHEN NOT s.left_open THEN s.os_at END AS os_at,
  CASE WHEN NOT s.left_open THEN s.res_at END AS res_at,
  CASE WHEN NOT s.left_open AND s.close_at <= now() THEN s.close_at END AS close_at,
  CASE WHEN NOT s.left_open AND s.r_note < p.note_share THEN coalesce(s.os_at, s.ack_at) + (s.res_at - coalesce(s.os_at, s.ack_at)) / 2 END AS note_at,
  p.notes[1 + floor(s.r_note_pick * cardinality(p.notes))::int] AS note_text,
  s.u1_id, s.u1_sign, round((s.travel_s * (0.8 + 0.4 * s.r_eta))::numeric, 1)::float8 AS u1_eta,
  CASE WHEN NOT s.left_open AND s.fd_at IS NOT NULL AND s.u2_id IS NOT NULL AND s.r_second < s.second_unit
    THEN s.fd_at + least(30 + s.r_second_gap * 150, extract(epoch FROM s.os_at - s.fd_at) / 2) * interval '1 second' END AS d2_at,
  s.u2_id, s.u2_sign, least(s.os_at + s.r_second_arrive * interval '4 minutes', s.res_at) AS os2_at
FROM settled s CROSS JOIN seed_params p`;

export const INSERT_INCIDENTS_SQL = `
INSERT INTO incidents (id, number, type, priority, status, lon, lat, zone, address, description, created_by_id, created_at,
  updated_at, version, acknowledged_at, first_dispatched_at, first_on_scene_at, resolved_at, closed_at, notes_text)
SELECT id, number, type, priority::incident_priority, status, lon, lat, zone, address, description, creator, created_at,
  coalesce(close_at, res_at, os_at, fd_at, ack_at, created_at),
  (ack_at IS NOT NULL)::int + (fd_at IS NOT NULL)::int + (os_at IS NOT NULL)::int + (res_at IS NOT NULL)::int + (close_at IS NOT NULL)::int,
  ack_at, fd_at, os_at, res_at, close_at, CASE WHEN note_at IS NOT NULL THEN ' ' || note_text ELSE '' END
FROM seed_chunk ORDER BY g`;

export const INSERT_DISPATCHES_SQL = `
INSERT INTO dispatches (id, incident_id, unit_id, state, dispatched_by_id, dispatched_at, acknowledged_at, en_route_at,
  on_scene_at, cleared_at, eta_seconds, distance_m, route)
SELECT gen_random_uuid(), id, u1_id, 'cleared', mate, fd_at, fd_at + interval '10 seconds',
  fd_at + least(40, extract(epoch FROM os_at - fd_at) / 3) * interval '1 second', os_at, res_at, u1_eta, round(u1_eta * 9), '[]'::jsonb
FROM seed_chunk WHERE fd_at IS NOT NULL
UNION ALL
SELECT gen_random_uuid(), id, u2_id, 'cleared', mate, d2_at, d2_at + interval '10 seconds', d2_at + interval '30 seconds',
  os2_at, res_at, extract(epoch FROM os2_at - d2_at), round(extract(epoch FROM os2_at - d2_at) * 9), '[]'::jsonb
FROM seed_chunk WHERE d2_at IS NOT NULL`;

/** In timeline order: bigserial ids follow the ORDER BY, and the timeline is read in id order. */
export const INSERT_EVENTS_SQL = `
INSERT INTO incident_events (incident_id, at, kind, actor_id, data)
SELECT c.id, e.at, e.kind, e.actor, e.data
FROM seed_chunk c
CROSS JOIN LATERAL (VALUES
  (1, c.created_at, 'created', c.creator, jsonb_build_object('number', c.number, 'source', 'manual')),
  (2, c.ack_at, 'statusChanged', c.creator, jsonb_build_object('from', 'new', 'to', 'acknowledged')),
  (3, c.fd_at, 'unitDispatched', c.mate, jsonb_build_object('unitId', c.u1_id, 'callSign', c.u1_sign, 'etaSeconds', c.u1_eta, 'distanceM', round(c.u1_eta * 9))),
  (4, c.fd_at, 'statusChanged', c.mate, jsonb_build_object('from', 'acknowledged', 'to', 'dispatched')),
  (5, c.d2_at, 'unitDispatched', c.mate, jsonb_build_object('unitId', c.u2_id, 'callSign', c.u2_sign, 'etaSeconds', round(extract(epoch FROM c.os2_at - c.d2_at)))),
  (6, c.os_at, 'statusChanged', c.mate, jsonb_build_object('from', 'dispatched', 'to', 'onScene')),
  (7, c.note_at, 'note', c.mate, jsonb_build_object('text', c.note_text)),
  (8, c.res_at, 'statusChanged', c.mate, jsonb_build_object('from', CASE WHEN c.os_at IS NULL THEN 'acknowledged' ELSE 'onScene' END, 'to', 'resolved')),
  (9, c.close_at, 'statusChanged', c.mate, jsonb_build_object('from', 'resolved', 'to', 'closed'))
) AS e(seq, at, kind, actor, data)
WHERE e.at IS NOT NULL
ORDER BY c.g, e.seq`;

export const CHUNK_YEARS_SQL = `SELECT yr, count(*)::int AS n FROM seed_chunk GROUP BY yr`;
