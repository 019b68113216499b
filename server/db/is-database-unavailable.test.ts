import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { startTcpProxy, type TTcpProxy } from "@/test/fixtures/tcp-proxy";
import { waitFor } from "@/test/wait-for";
import { createDatabase, IN_MEMORY_DATA_DIR, type TDatabase } from "./client";
import { classifyDatabaseFailure } from "./is-database-unavailable";
import { createTestPostgres, TEST_BACKENDS, type TTestPostgres } from "@/test/fixtures/test-databases";

/**
 * Every error here is produced for real (pg 8, @prisma/adapter-pg 7, PostgreSQL 15 behind a TCP proxy),
 * so a driver upgrade that changes their shape fails this test rather than the next outage.
 */
const TIMEOUTS = { connectMs: 1_000, statementMs: 1_000, idleInTransactionMs: 1_000 };

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected the query to fail");
    },
    (error: unknown) => error,
  );

describe("classifyDatabaseFailure (PostgreSQL server faults)", () => {
  let database: TTestPostgres;
  let proxy: TTcpProxy;
  let db: TDatabase;
  let direct: TDatabase;

  beforeAll(async () => {
    database = await createTestPostgres();
    proxy = await startTcpProxy({ host: "127.0.0.1", port: 5432 });
    db = await createDatabase({ databaseUrl: proxy.urlThrough(database.url), dataDir: IN_MEMORY_DATA_DIR, timeouts: TIMEOUTS });
    direct = await createDatabase({ databaseUrl: database.url, dataDir: IN_MEMORY_DATA_DIR });
  });
  afterAll(async () => {
    await direct?.close();
    await db?.close();
    await proxy?.close();
    await database?.drop();
  });

  it("connections cut, then refused: unreachable", async () => {
    await db.prisma.user.count(); // an open connection for the cut to break
    await proxy.cut();
    try {
      const broken = await failureOf(db.prisma.user.count()); // "Connection terminated unexpectedly" or P1001
      const refused = await failureOf(db.prisma.user.count()); // P1001 (ECONNREFUSED through the adapter)
      const raw = await failureOf(db.prisma.$queryRaw`SELECT 1`); // P2010 wrapping DatabaseNotReachable
      expect([broken, refused, raw].map(classifyDatabaseFailure)).toEqual(["unreachable", "unreachable", "unreachable"]);
    } finally {
      await proxy.restore();
    }
  });

  it("network paused: the query read timeout and the connect timeout are unreachable", async () => {
    await db.prisma.user.count();
    proxy.pause();
    try {
      const onIdleConnection = await failureOf(db.prisma.user.count()); // "Query read timeout"
      const onNewConnection = await failureOf(db.prisma.user.count()); // "Connection terminated due to connection timeout"
      expect(classifyDatabaseFailure(onIdleConnection)).toBe("unreachable");
      expect(classifyDatabaseFailure(onNewConnection)).toBe("unreachable");
    } finally {
      proxy.resume();
    }
  });

  it("server terminating the session (57P01): unreachable; statement timeout (57014): busy", async () => {
    const sleeping = failureOf(direct.prisma.$queryRaw`SELECT pg_sleep(30) AS terminated_by_the_test`);
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      const terminate = `SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity
        WHERE query LIKE '%terminated_by_the_test%' AND pid <> pg_backend_pid()`;
      await waitFor(async () => (await admin.query(terminate)).rowCount === 1, "the sleeping query terminated");
    } finally {
      await admin.end();
    }
    expect(classifyDatabaseFailure(await sleeping)).toBe("unreachable");
    expect(classifyDatabaseFailure(await failureOf(db.prisma.$queryRaw`SELECT pg_sleep(5)`))).toBe("busy");
  });
});

describe.each(TEST_BACKENDS)("classifyDatabaseFailure ($kind): ordinary errors are not outages", (backend) => {
  let db: TDatabase;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
  });
  afterAll(async () => cleanup?.());

  it("a unique violation, a syntax error and a missing row stay ours to answer", async () => {
    const user = { id: "u1", name: "U", email: "u@test.local", emailVerified: false, createdAt: new Date(), updatedAt: new Date() };
    await db.prisma.user.create({ data: user });
    const unique = await failureOf(db.prisma.user.create({ data: user }));
    const syntax = await failureOf(db.prisma.$queryRawUnsafe("SELEC 1"));
    const missing = await failureOf(db.prisma.user.findUniqueOrThrow({ where: { id: "nobody" } }));
    expect([unique, syntax, missing].map(classifyDatabaseFailure)).toEqual([null, null, null]);
  });
});

describe("classifyDatabaseFailure (shapes)", () => {
  it("finds the cause through wrappers (better-auth wraps Prisma's error) and survives cycles", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(classifyDatabaseFailure(new Error("Failed to get session", { cause: refused }))).toBe("unreachable");
    const cyclic: Error & { cause?: unknown } = new Error("a");
    cyclic.cause = cyclic;
    expect(classifyDatabaseFailure(cyclic)).toBeNull();
    expect(classifyDatabaseFailure(new AppError("CONFLICT", "Connection terminated"))).toBeNull();
    for (const value of [undefined, null, "Connection terminated", 42]) expect(classifyDatabaseFailure(value)).toBeNull();
  });
});
