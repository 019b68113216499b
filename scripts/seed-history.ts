/**
 * npm run seed:history -- [--count 1000000] [--years 3] [--chunk 50000] [--truncate]
 *
 * Fills a real PostgreSQL database (DATABASE_URL) with years of incidents — types, priorities, zones and
 * response times in realistic proportions, full timelines, dispatches of the city pack's units — for the
 * history pages and `npm run bench:history`. Everything is generated in SQL, chunk by chunk.
 */
import { parseArgs } from "node:util";
import pg from "pg";
import { loadCityPack } from "@/server/city/load-city-pack";
import { createDatabase, IN_MEMORY_DATA_DIR } from "@/server/db/client";
import { seedUnits } from "@/server/dispatch/seed-units";
import { CITY_TIME_ZONE } from "@/server/history/city-time-zone";
import {
  CHUNK_YEARS_SQL,
  CLEAR_PARAMS_SQL,
  CREATE_PARAMS_SQL,
  createLookupSql,
  DRAW_CHUNK_SQL,
  INSERT_DISPATCHES_SQL,
  INSERT_EVENTS_SQL,
  INSERT_INCIDENTS_SQL,
  SET_PARAMS_SQL,
  type TLookupTable,
} from "./seed-history/chunk-sql";
import { clearIncidents } from "./seed-history/clear-incidents";
import { streetNames, typeLookup, zoneLookup } from "./seed-history/lookups";
import {
  ACK_MEAN_SECONDS,
  ADDRESS_SHARE,
  DISPATCH_MEAN_SECONDS,
  LEFT_OPEN_SHARE,
  NOTE_SHARE,
  NOTES,
  OPERATOR_IDS,
  TRAINEE_ID,
  TRAINEE_SHARE,
  TRAVEL_MEAN_SECONDS,
} from "./seed-history/mix";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "1000000" },
    years: { type: "string", default: "3" },
    chunk: { type: "string", default: "50000" },
    truncate: { type: "boolean", default: false },
    pack: { type: "string", default: process.env.CITY_PACK ?? "three-rivers" },
  },
});

const count = Number(values.count);
const years = Number(values.years);
const chunkSize = Number(values.chunk);
if (![count, years, chunkSize].every((n) => Number.isInteger(n) && n > 0)) {
  fail("--count, --years and --chunk must be positive whole numbers.");
}
const url = process.env.DATABASE_URL;
if (!url || !/^postgres(ql)?:\/\//.test(url)) {
  fail(
    "seed:history needs a real PostgreSQL server: set DATABASE_URL=postgres://… (the embedded PGlite database is not " +
      "meant for a million incidents). For example:\n" +
      "  createdb -h 127.0.0.1 -U postgres citynerve_history\n" +
      "  DATABASE_URL=postgres://postgres@127.0.0.1:5432/citynerve_history npm run seed:history",
  );
}

const started = Date.now();
// Migrations and the pack's units through the app's own code, then one plain session for the bulk work.
const { entities } = await loadCityPack(values.pack);
const database = await createDatabase({ databaseUrl: url, dataDir: IN_MEMORY_DATA_DIR });
try {
  if ((await database.prisma.unit.count()) === 0)
    console.log(`units: seeded ${await seedUnits(database.prisma, entities.units)} from the city pack`);
} finally {
  await database.close();
}

const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  await prepareSession();
  const existing = Number((await client.query(`SELECT count(*) AS n FROM (SELECT 1 FROM incidents LIMIT 1) x`)).rows[0].n);
  if (existing > 0) {
    if (!values.truncate)
      fail("The database already has incidents. Pass --truncate to delete them (with their timelines and dispatches) first.");
    console.log("--truncate: deleting existing incidents, timelines and dispatches…");
    await clearIncidents(client);
  }
  const operators = await seedOperators();
  await createLookups();
  const totals = await seedChunks(operators);
  console.log("VACUUM ANALYZE (statistics for the planner, visibility map for index-only scans)…");
  for (const table of ["incidents", "incident_events", "dispatches"]) await client.query(`VACUUM ANALYZE ${table}`);
  console.log(
    `Done: ${fmt(count)} incidents, ${fmt(totals.events)} timeline entries, ${fmt(totals.dispatches)} dispatches ` +
      `in ${Math.round((Date.now() - started) / 1000)} s.`,
  );
} finally {
  await client.end();
}

async function prepareSession() {
  try {
    // Skips the per-row timeline triggers (milestones are written directly) — for this session only.
    await client.query("SET session_replication_role = replica");
  } catch (error) {
    fail(
      `Could not SET session_replication_role = replica (${(error as Error).message}). The seed needs a superuser ` +
        "connection so that a million timeline inserts skip the per-row milestone trigger; the trigger stays in place for the app.",
    );
  }
  await client.query("SET synchronous_commit = off");
  await client.query("SET TIME ZONE 'UTC'");
}

/** Operators who created and worked the seeded incidents, and the trainee (no password: they cannot sign in). */
async function seedOperators(): Promise<string[]> {
  await client.query(
    `INSERT INTO users (id, name, email, role)
     SELECT id, 'History Operator ' || ord, id || '@citynerve.local', 'operator' FROM unnest($1::text[]) WITH ORDINALITY AS u(id, ord)
     UNION ALL SELECT $2, 'History Trainee', $2 || '@citynerve.local', 'operator'
     ON CONFLICT DO NOTHING`,
    [OPERATOR_IDS, TRAINEE_ID],
  );
  return OPERATOR_IDS;
}

async function createLookups() {
  const { rows: units } = await client.query<{ type: string; ids: string[]; signs: string[] }>(
    `SELECT type, array_agg(id ORDER BY id) AS ids, array_agg(call_sign ORDER BY id) AS signs FROM units GROUP BY type`,
  );
  const lookups: Record<TLookupTable, unknown[]> = { seed_type: typeLookup(), seed_zone: zoneLookup(entities), seed_unit: units };
  for (const [table, rows] of Object.entries(lookups) as [TLookupTable, unknown[]][]) {
    const [create, fill] = createLookupSql(table);
    await client.query(create);
    await client.query(fill, [JSON.stringify(rows)]);
  }
  await client.query(CREATE_PARAMS_SQL);
}

async function seedChunks(operators: string[]) {
  const days = years * 365;
  // The last day drawn is today (local dates; a draw later than now moves back a day).
  const firstDay = new Date(Date.now() - (days - 1) * 86_400_000).toLocaleDateString("en-CA", { timeZone: CITY_TIME_ZONE });
  // Numbers count per year (INC-2024-000001…); the live sequence is moved past them at the end.
  const yearBases: Record<string, number> = {};
  const totals = { events: 0, dispatches: 0 };
  for (let first = 0; first < count; first += chunkSize) {
    const last = Math.min(count, first + chunkSize) - 1;
    await client.query("BEGIN");
    try {
      await client.query(SET_PARAMS_SQL, [
        first,
        last,
        count,
        days,
        firstDay,
        CITY_TIME_ZONE,
        operators,
        streetNames(entities),
        NOTES,
        ACK_MEAN_SECONDS,
        DISPATCH_MEAN_SECONDS,
        TRAVEL_MEAN_SECONDS,
        NOTE_SHARE,
        LEFT_OPEN_SHARE,
        ADDRESS_SHARE,
        JSON.stringify(yearBases),
        TRAINEE_ID,
        TRAINEE_SHARE,
      ]);
      await client.query(DRAW_CHUNK_SQL);
      await client.query(INSERT_INCIDENTS_SQL);
      totals.dispatches += (await client.query(INSERT_DISPATCHES_SQL)).rowCount ?? 0;
      totals.events += (await client.query(INSERT_EVENTS_SQL)).rowCount ?? 0;
      for (const { yr, n } of (await client.query<{ yr: number; n: number }>(CHUNK_YEARS_SQL)).rows)
        yearBases[yr] = (yearBases[yr] ?? 0) + n;
      await client.query("DROP TABLE seed_chunk");
      await client.query(CLEAR_PARAMS_SQL);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
    const elapsed = (Date.now() - started) / 1000;
    console.log(
      `${fmt(last + 1)} / ${fmt(count)} incidents (${fmt(totals.events)} timeline entries, ${fmt(totals.dispatches)} dispatches) — ${elapsed.toFixed(0)} s`,
    );
  }
  const highest = Math.max(0, ...Object.values(yearBases));
  await client.query(`SELECT setval('incident_number_seq', greatest((SELECT last_value FROM incident_number_seq), $1::bigint))`, [highest]);
  return totals;
}

function fmt(n: number): string {
  return n.toLocaleString("en-US");
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
