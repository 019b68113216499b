import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations, defaultMigrationsDir, readMigrations, type TMigrationTarget } from "./migrate";
import { createTempDir, createTestPostgres } from "@/test/fixtures/test-databases";

type TRawDriver = { target: TMigrationTarget; query<T>(sql: string): Promise<T[]>; close(): Promise<void> };

const DRIVERS = [
  {
    kind: "pglite",
    async open(): Promise<TRawDriver> {
      const db = await PGlite.create();
      return { target: db, query: async (sql) => (await db.query<any>(sql)).rows, close: () => db.close() };
    },
  },
  {
    kind: "postgres",
    async open(): Promise<TRawDriver> {
      const database = await createTestPostgres();
      const pool = new pg.Pool({ connectionString: database.url });
      return {
        target: pool,
        query: async (sql) => (await pool.query(sql)).rows,
        close: () => pool.end().finally(database.drop),
      };
    },
  },
];

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function open(driver: (typeof DRIVERS)[number]): Promise<TRawDriver> {
  const raw = await driver.open();
  cleanups.push(raw.close);
  return raw;
}

describe.each(DRIVERS)("applyMigrations on $kind", (driver) => {
  it("applies every committed migration and records it the way Prisma does", async () => {
    const db = await open(driver);
    const committed = await readMigrations();
    expect(committed.length).toBeGreaterThan(0);

    const result = await applyMigrations(db.target);
    expect(result).toEqual({ applied: committed.map((m) => m.name), modified: [] });

    const tables = await db.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(["_prisma_migrations", "dead_letters"]));

    const rows = await db.query<any>(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows).toHaveLength(committed.length);
    for (const [i, m] of committed.entries()) {
      const file = await readFile(path.join(defaultMigrationsDir(), m.name, "migration.sql"));
      expect(rows[i]).toMatchObject({
        migration_name: m.name,
        checksum: createHash("sha256").update(file).digest("hex"),
        logs: null,
        rolled_back_at: null,
        applied_steps_count: 1,
      });
      expect(rows[i].id).toMatch(/^[0-9a-f-]{36}$/);
      expect(rows[i].finished_at).toBeInstanceOf(Date);
      expect(rows[i].started_at.getTime()).toBeLessThanOrEqual(rows[i].finished_at.getTime());
    }
  });

  it("is a no-op the second time", async () => {
    const db = await open(driver);
    await applyMigrations(db.target);
    const before = await db.query(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);

    expect(await applyMigrations(db.target)).toEqual({ applied: [], modified: [] });
    expect(await db.query(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`)).toEqual(before);
  });

  it("rolls a failing migration back completely and keeps the ones before it", async () => {
    const db = await open(driver);
    const temp = await createTempDir();
    cleanups.push(temp.remove);
    const write = async (name: string, sql: string) => {
      await mkdir(path.join(temp.dir, name));
      await writeFile(path.join(temp.dir, name, "migration.sql"), sql);
    };
    await write("20200101000000_good", `CREATE TABLE "good" ("id" INTEGER);`);
    await write("20200102000000_bad", `CREATE TABLE "half" ("id" INTEGER);\nSELECT * FROM "missing_table";`);

    await expect(applyMigrations(db.target, { migrationsDir: temp.dir })).rejects.toThrow(/20200102000000_bad failed: .*missing_table/);
    const names = await db.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations"`);
    expect(names.map((r) => r.migration_name)).toEqual(["20200101000000_good"]);
    const half = await db.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'half'`);
    expect(half).toEqual([]);

    // Fixed file → the next start applies it; an edited applied migration is reported, not re-run.
    await writeFile(path.join(temp.dir, "20200102000000_bad", "migration.sql"), `CREATE TABLE "half" ("id" INTEGER);`);
    await writeFile(path.join(temp.dir, "20200101000000_good", "migration.sql"), `-- edited\n`);
    expect(await applyMigrations(db.target, { migrationsDir: temp.dir })).toEqual({
      applied: ["20200102000000_bad"],
      modified: ["20200101000000_good"],
    });
  });
});

describe("test PostgreSQL helper", () => {
  it("fails (never skips) with the command to start PostgreSQL when it is not reachable", async () => {
    await expect(createTestPostgres({ adminUrl: "postgresql://postgres@127.0.0.1:1/test" })).rejects.toThrow(
      "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start",
    );
  });
});

describe("applyMigrations on postgres, concurrently", () => {
  it("lets two processes start at once: each migration is applied exactly once", async () => {
    const database = await createTestPostgres();
    const pools = [0, 1, 2].map(() => new pg.Pool({ connectionString: database.url }));
    cleanups.push(async () => {
      await Promise.all(pools.map((p) => p.end()));
      await database.drop();
    });

    const results = await Promise.all(pools.map((p) => applyMigrations(p)));
    const committed = (await readMigrations()).map((m) => m.name);
    expect(results.flatMap((r) => r.applied).sort()).toEqual(committed);
    const { rows } = await pools[0].query(`SELECT count(*)::int AS n FROM "_prisma_migrations"`);
    expect(rows[0].n).toBe(committed.length);
    // The lock went back with each pooled connection (other test files' databases hold locks of their own).
    const locks = await pools[0].query(
      `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database
       WHERE l.locktype = 'advisory' AND d.datname = current_database()`,
    );
    expect(locks.rows[0].n).toBe(0);
  });
});
