import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTcpProxy, type TTcpProxy } from "@/test/fixtures/tcp-proxy";
import { waitFor } from "@/test/wait-for";
import { createDatabase, IN_MEMORY_DATA_DIR, type TDatabase } from "./client";
import { createDatabasePing, PING_TIMEOUT_MS } from "./ping-database";
import { createTestPostgres, TEST_BACKENDS, type TTestPostgres } from "@/test/fixtures/test-databases";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe.each(TEST_BACKENDS)("database ping ($kind)", (backend) => {
  it("answers from one shared round trip, and a reported failure holds until a ping succeeds", async () => {
    const { db, cleanup } = await backend.open();
    cleanups.push(cleanup);
    expect((await db.ping.check(0)).ok).toBe(true);

    let roundTrips = 0;
    const ping = createDatabasePing(async () => {
      roundTrips++;
      await db.prisma.$queryRaw`SELECT 1`;
    });
    const answers = await Promise.all([ping.check(0), ping.check(0), ping.check(0)]);
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(roundTrips).toBe(1);
    expect(await ping.isKnownDown()).toBe(false); // up: no round trip at all
    expect(roundTrips).toBe(1);

    ping.reportFailure();
    expect(ping.lastKnown()).toMatchObject({ ok: false, detail: "unreachable" });
    expect((await ping.check(60_000)).ok).toBe(false); // within its age: no round trip
    expect(roundTrips).toBe(1);
    const fresh = await ping.check(0);
    expect(fresh.ok).toBe(true);
    expect(roundTrips).toBe(2);
  });
});

describe("database ping (PostgreSQL behind a proxy)", () => {
  let database: TTestPostgres;
  let proxy: TTcpProxy;
  let db: TDatabase;
  beforeAll(async () => {
    database = await createTestPostgres();
    proxy = await startTcpProxy({ host: "127.0.0.1", port: 5432 });
    // Pool timeouts longer than the ping's own, so a paused ping ends by the ping's timer.
    const timeouts = { connectMs: 5_000, statementMs: 5_000, idleInTransactionMs: 5_000 };
    db = await createDatabase({ databaseUrl: proxy.urlThrough(database.url), dataDir: IN_MEMORY_DATA_DIR, timeouts });
  });
  afterAll(async () => {
    await db?.close();
    await proxy?.close();
    await database?.drop();
  });

  it("cut: unreachable, and requests are turned away at once; back when it returns", async () => {
    await proxy.cut();
    try {
      expect(await db.ping.check(0)).toMatchObject({ ok: false, detail: "unreachable" });
      expect(await db.ping.isKnownDown()).toBe(true);
    } finally {
      await proxy.restore();
    }
    await waitFor(async () => (await db.ping.check(0)).ok, "ping answers after restore");
    expect(await db.ping.isKnownDown()).toBe(false);
  });

  it("paused: the ping gives up after its own timeout; back on resume", async () => {
    await db.prisma.user.count();
    proxy.pause();
    try {
      expect(await db.ping.check(0)).toMatchObject({ ok: false, detail: `no answer within ${PING_TIMEOUT_MS} ms` });
    } finally {
      proxy.resume();
    }
    await waitFor(async () => (await db.ping.check(0)).ok, "ping answers after resume");
  });
});
