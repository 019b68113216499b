import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CityState } from "@/server/city/city-state";
import { createDatabase, IN_MEMORY_DATA_DIR, type TDatabase } from "@/server/db/client";
import { recordDeadLetters } from "@/server/db/dead-letters";
import { createTestPostgres, TEST_BACKENDS, type TTestPostgres } from "@/test/fixtures/test-databases";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { waitFor } from "@/test/wait-for";
import { createDeadLetterBuffer, type TDeadLetterBufferOptions } from "./dead-letter-buffer";
import { toDeadLetter } from "./dead-letter-record";
import { buildEntityRegistry } from "./entity-registry";
import { IngestStats } from "./ingest-stats";
import { createIngestPipeline } from "./pipeline";
import type { TDeadLetter } from "./types";

const AT = new Date("2026-12-02T10:00:00.000Z");
const QUICK_RETRY = { initialMs: 20, maxMs: 200 };
const quiet = () => {};

function letter(offset: number, overrides: Partial<TDeadLetter> = {}): TDeadLetter {
  const value = Buffer.from(`{"n":${offset}`);
  return {
    ...toDeadLetter({ topic: "city.waste", partition: 0, offset: String(offset), key: `k${offset}`, value }, `bad ${offset}`, AT),
    ...overrides,
  };
}

function storeOn(db: TDatabase, calls = { n: 0 }): Pick<TDeadLetterBufferOptions, "store" | "isReachable"> {
  return {
    store: (letters) => {
      calls.n++;
      return recordDeadLetters(db.prisma, letters);
    },
    isReachable: async () => (await db.ping.check(0)).ok,
  };
}

async function storedOffsets(db: TDatabase): Promise<string[]> {
  const rows = await db.prisma.deadLetter.findMany({ select: { sourceOffset: true } });
  return rows.map((r) => r.sourceOffset).sort((a, b) => Number(a) - Number(b));
}

/**
 * A real PostgreSQL outage for this test's database only: new connections are refused
 * ("database is not currently accepting connections") and open ones are killed.
 */
async function withAdmin<T>(database: TTestPostgres, fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const url = new URL(database.url);
  url.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}
const cutPostgres = (database: TTestPostgres) =>
  withAdmin(database, async (admin) => {
    await admin.query(`ALTER DATABASE "${database.name}" ALLOW_CONNECTIONS false`);
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [database.name]);
  });
const restorePostgres = (database: TTestPostgres) =>
  withAdmin(database, (admin) => admin.query(`ALTER DATABASE "${database.name}" ALLOW_CONNECTIONS true`));

describe("dead-letter buffer while PostgreSQL is down (connections refused and killed)", () => {
  let database: TTestPostgres;
  let db: TDatabase;
  beforeAll(async () => {
    database = await createTestPostgres();
    db = await createDatabase({ databaseUrl: database.url, dataDir: IN_MEMORY_DATA_DIR });
  });
  afterAll(async () => {
    await restorePostgres(database).catch(() => {});
    await db?.close();
    await database?.drop();
  });

  it("lets valid events reach city state while dead letters wait, and stores them all when it returns", async () => {
    const cityState = new CityState();
    const deadLetters = createDeadLetterBuffer({ ...storeOn(db), retry: QUICK_RETRY, log: quiet });
    const pipeline = createIngestPipeline({ registry: buildEntityRegistry(TINY_CITY), cityState, stats: new IngestStats(), deadLetters });
    const valid = (id: string, fillingLevel: number) =>
      JSON.stringify({
        id,
        entityId: "bin-1",
        observedAt: new Date().toISOString(),
        type: "WasteContainer",
        fillingLevel,
        status: "ok",
        temperature: 9,
      });
    const batch = (offset: number, values: string[]) =>
      values.map((value, i) => ({ topic: "city.waste", partition: 0, offset: String(offset + i), value }));

    await cutPostgres(database);
    const first = await pipeline.ingestBatch(batch(100, ["{\u0000", "not json", valid("e1", 0.1)]));
    expect(first.accepted).toHaveLength(1);
    expect(cityState.latest("waste", "bin-1")?.id).toBe("e1");
    await waitFor(() => deadLetters.stats().unreachableSince !== null, "the writer to find PostgreSQL down");

    await pipeline.ingestBatch(batch(200, ["[]", valid("e2", 0.2)]));
    expect(cityState.latest("waste", "bin-1")?.id).toBe("e2");
    expect(deadLetters.stats()).toMatchObject({ waiting: 3, stored: 0, droppedAtBound: 0, unstorable: 0 });

    await restorePostgres(database);
    await deadLetters.flush();
    expect(deadLetters.stats()).toMatchObject({ waiting: 0, stored: 3, unreachableSince: null });
    expect(await storedOffsets(db)).toEqual(["100", "101", "200"]);
    await db.prisma.deadLetter.deleteMany();
  });

  it("drops the oldest waiting letters at the bound, counts them, and stores the rest when it returns", async () => {
    const deadLetters = createDeadLetterBuffer({ ...storeOn(db), maxWaiting: 5, retry: QUICK_RETRY, log: quiet });
    await cutPostgres(database);
    deadLetters.enqueue([letter(1), letter(2), letter(3)]);
    await waitFor(() => deadLetters.stats().unreachableSince !== null, "the writer to find PostgreSQL down");
    deadLetters.enqueue([4, 5, 6, 7, 8].map((n) => letter(n)));
    expect(deadLetters.stats()).toMatchObject({ waiting: 5, droppedAtBound: 3 });

    await restorePostgres(database);
    await deadLetters.flush();
    expect(await storedOffsets(db)).toEqual(["4", "5", "6", "7", "8"]);
    expect(deadLetters.stats()).toMatchObject({ waiting: 0, stored: 5, droppedAtBound: 3 });
    await db.prisma.deadLetter.deleteMany();
  });

  it("bounds the waiting letters by size too", async () => {
    const deadLetters = createDeadLetterBuffer({ ...storeOn(db), maxWaitingBytes: 40_000, retry: QUICK_RETRY, log: quiet });
    const big = (n: number) => letter(n, { payloadBytes: new Uint8Array(16 * 1024) });
    deadLetters.enqueue([big(1), big(2), big(3)]); // ~16 KB of bytes each: the third pushes past 40,000
    expect(deadLetters.stats()).toMatchObject({ waiting: 2, droppedAtBound: 1 });
    expect(await deadLetters.stop()).toEqual({ unstored: 0 });
    expect(await storedOffsets(db)).toEqual(["2", "3"]);
    await db.prisma.deadLetter.deleteMany();
  });

  it("stops within its timeout while PostgreSQL is down and says how many letters were left", async () => {
    const calls = { n: 0 };
    const deadLetters = createDeadLetterBuffer({ ...storeOn(db, calls), retry: QUICK_RETRY, log: quiet });
    await cutPostgres(database);
    deadLetters.enqueue([letter(1), letter(2)]);
    expect(await deadLetters.stop({ timeoutMs: 200 })).toEqual({ unstored: 2 });
    const callsAtStop = calls.n;
    expect(callsAtStop).toBeGreaterThan(0);
    await restorePostgres(database);
    await deadLetters.flush(); // a stopped buffer writes nothing more
    expect(calls.n).toBe(callsAtStop);
    expect(await storedOffsets(db)).toEqual([]);
  });
});

describe.each(TEST_BACKENDS)("dead-letter buffer and records the database refuses ($kind)", (backend) => {
  let db: TDatabase;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
    // Real refusals: sanitised letters hold nothing PostgreSQL rejects, so this test database is made stricter.
    await db.prisma.$executeRawUnsafe(
      `ALTER TABLE "dead_letters" ADD CONSTRAINT "test_refuse_key" CHECK ("key" IS NULL OR "key" NOT LIKE 'refuse%')`,
    );
    await db.prisma.$executeRawUnsafe(
      `ALTER TABLE "dead_letters" ADD CONSTRAINT "test_refuse_reason" CHECK ("reason" NOT LIKE '%unstorable%')`,
    );
  });
  afterAll(() => cleanup?.());

  it("stores the rest of a refused batch row by row, a refused row in minimal form, and drops what is refused even so", async () => {
    const calls = { n: 0 };
    const deadLetters = createDeadLetterBuffer({ ...storeOn(db, calls), log: quiet });
    deadLetters.enqueue([letter(1), letter(2, { key: "refuse-me" }), letter(3, { reason: "unstorable" }), letter(4)]);
    await deadLetters.flush();

    expect(deadLetters.stats()).toMatchObject({ waiting: 0, stored: 3, storedMinimal: 1, unstorable: 1, droppedAtBound: 0 });
    expect(calls.n).toBe(1 + 4 + 2); // the batch, each row once, the minimal form of the two refused rows: no retry loop
    const rows = await db.prisma.deadLetter.findMany({ orderBy: { sourceOffset: "asc" } });
    expect(rows.map((r) => r.sourceOffset)).toEqual(["1", "2", "4"]);
    expect(rows[1]).toMatchObject({ key: null, payload: Buffer.from('{"n":2').toString("hex"), payloadBytes: null, payloadSize: 6 });
    expect(rows[1].reason).toMatch(/^bad 2 \[minimal form/);
  });
});
