import { afterEach, describe, expect, it } from "vitest";
import { createDatabase, IN_MEMORY_DATA_DIR } from "./client";
import { countDeadLetters, recordDeadLetters } from "./dead-letters";
import { readMigrations } from "./migrate";
import { createTempDir, createTestPostgres, TEST_BACKENDS } from "@/test/fixtures/test-databases";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const letter = {
  reason: "invalid json",
  topic: "city.traffic",
  partition: 0,
  offset: "1",
  key: null,
  payload: "{",
  receivedAt: new Date(),
};

describe.each(TEST_BACKENDS)("createDatabase ($kind)", (backend) => {
  it("returns a migrated database of the right kind, and close() is idempotent", async () => {
    const { db, cleanup } = await backend.open();
    cleanups.push(cleanup);

    expect(db.kind).toBe(backend.kind);
    expect(db.migrations.applied).toEqual((await readMigrations()).map((m) => m.name));
    const rows = await db.prisma.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM "_prisma_migrations"`;
    expect(rows[0].n).toBe(db.migrations.applied.length);
    expect(await countDeadLetters(db.prisma)).toBe(0);

    await Promise.all([db.close(), db.close()]);
    await db.close();
  });
});

describe("createDatabase (postgres timeouts)", () => {
  it("sets the statement and idle-in-transaction timeouts on the pool's sessions", async () => {
    const database = await createTestPostgres();
    const db = await createDatabase({
      databaseUrl: database.url,
      dataDir: IN_MEMORY_DATA_DIR,
      timeouts: { connectMs: 2_000, statementMs: 1_500, idleInTransactionMs: 2_500 },
    }).catch(async (error: unknown) => {
      await database.drop();
      throw error;
    });
    cleanups.push(() => db.close().finally(database.drop));
    const [settings] = await db.prisma.$queryRaw<Array<{ statement: string; idle: string }>>`
      SELECT current_setting('statement_timeout') AS statement, current_setting('idle_in_transaction_session_timeout') AS idle`;
    expect(settings).toEqual({ statement: "1500ms", idle: "2500ms" });
  });
});

describe("createDatabase (pglite on disk)", () => {
  it("persists across close and reopen of the same data dir", async () => {
    const temp = await createTempDir();
    cleanups.push(temp.remove);

    const first = await createDatabase({ dataDir: temp.dir });
    try {
      expect(first.migrations.applied.length).toBeGreaterThan(0);
      await recordDeadLetters(first.prisma, [letter, { ...letter, offset: "2" }]);
    } finally {
      await first.close();
    }

    const second = await createDatabase({ dataDir: temp.dir });
    try {
      expect(second.kind).toBe("pglite");
      expect(second.migrations).toEqual({ applied: [], modified: [] });
      expect(await countDeadLetters(second.prisma)).toBe(2);
    } finally {
      await second.close();
    }
  });
});
