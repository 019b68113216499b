import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { createDatabase, IN_MEMORY_DATA_DIR, type TDatabase } from "./client";

/**
 * Test helpers: a fresh PostgreSQL database per call (dropped afterwards) and PGlite in memory or in a
 * temp folder. Tests never skip when PostgreSQL is down: they fail and say how to start it.
 */

const ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/test";
const START_POSTGRES = "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start";

export type TTestPostgres = { name: string; url: string; drop(): Promise<void> };

async function withAdmin<T>(adminUrl: string, fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  try {
    await admin.connect();
  } catch (error) {
    await admin.end().catch(() => {});
    throw new Error(
      `PostgreSQL is not reachable at ${adminUrl} (${(error as Error).message}). ` +
        `These tests need it; start it with:\n  ${START_POSTGRES}`,
      { cause: error },
    );
  }
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

/** A new, uniquely named database on the local server; `drop()` removes it even with connections open. */
export async function createTestPostgres({ prefix = "citynerve_test", adminUrl = ADMIN_URL } = {}): Promise<TTestPostgres> {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () =>
      withAdmin(adminUrl, async (admin) => {
        // pg's pool.end() resolves before its connections have said goodbye; forcing the drop while
        // they still exist sends them a FATAL that surfaces as an unhandled error. Let them leave first.
        const deadline = Date.now() + 5_000;
        while (Date.now() < deadline) {
          const { rows } = await admin.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1`, [name]);
          if (rows[0].n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }),
  };
}

export async function createTempDir(prefix = "citynerve-db-"): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** The two backends every database test runs against. `open` returns a migrated database and its cleanup. */
export const TEST_BACKENDS = [
  {
    kind: "pglite" as const,
    async open(): Promise<{ db: TDatabase; cleanup(): Promise<void> }> {
      const db = await createDatabase({ dataDir: IN_MEMORY_DATA_DIR });
      return { db, cleanup: () => db.close() };
    },
  },
  {
    kind: "postgres" as const,
    async open(): Promise<{ db: TDatabase; cleanup(): Promise<void> }> {
      const database = await createTestPostgres();
      const db = await createDatabase({ databaseUrl: database.url, dataDir: IN_MEMORY_DATA_DIR }).catch(
        async (error: unknown) => {
          await database.drop();
          throw error;
        },
      );
      return { db, cleanup: () => db.close().finally(database.drop) };
    },
  },
];
