import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";

/**
 * Applies the committed SQL in prisma/migrations/<name>/migration.sql, in name order, to real
 * PostgreSQL or PGlite. Bookkeeping goes into Prisma's own `_prisma_migrations` table with the shape
 * and checksum (sha256 of the file's bytes) Prisma uses, so `prisma migrate deploy/status` treat
 * these migrations as applied wherever Prisma's schema engine is available.
 */

/** The key Prisma's schema engine locks too: this runner and `prisma migrate` never interleave. */
const PRISMA_MIGRATE_LOCK_KEY = 72707369;

// Same DDL as Prisma's schema engine creates (checked against `prisma migrate deploy` 6.19 output).
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export type TMigrationTarget = pg.Pool | pg.Client | PGlite;

export type TMigrationResult = {
  /** Migrations applied by this call, in order. */
  applied: string[];
  /** Applied earlier, but the file has changed since (Prisma's deploy ignores these too). */
  modified: string[];
};

type TMigrationFile = { name: string; sql: string; checksum: string };

/** One connection: the advisory lock is per session, so everything must run on the same one. */
type TSession = {
  isServer: boolean;
  run(sql: string): Promise<void>;
  rows<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** `destroy`: drop a pooled connection rather than return it, in case it still holds the lock. */
  release(destroy: boolean): void;
};

export function defaultMigrationsDir(): string {
  // Next bundles server code elsewhere, so fall back to the working directory (the repo root).
  const besideSource = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));
  return existsSync(besideSource) ? besideSource : path.resolve("prisma/migrations");
}

export async function readMigrations(dir: string = defaultMigrationsDir()): Promise<TMigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)); // byte order, like Prisma
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name, "migration.sql");
      const bytes = await readFile(file).catch(() => {
        throw new Error(`Migration folder ${name} has no migration.sql (${file})`);
      });
      return { name, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") };
    }),
  );
}

export async function applyMigrations(target: TMigrationTarget, options: { migrationsDir?: string } = {}): Promise<TMigrationResult> {
  const migrations = await readMigrations(options.migrationsDir);
  const session = await openSession(target);
  let mayHoldLock = true;
  try {
    if (!session.isServer) return await applyPending(session, migrations);
    // Two processes starting together: the second waits, then finds nothing left to do.
    await session.run(`SELECT pg_advisory_lock(${PRISMA_MIGRATE_LOCK_KEY})`);
    try {
      return await applyPending(session, migrations);
    } finally {
      // If unlocking fails (broken connection, aborted transaction) the connection is destroyed below,
      // which ends the session and frees the lock; the original error is the one worth reporting.
      await session.run(`SELECT pg_advisory_unlock(${PRISMA_MIGRATE_LOCK_KEY})`).then(
        () => void (mayHoldLock = false),
        () => {},
      );
    }
  } finally {
    session.release(mayHoldLock);
  }
}

async function applyPending(session: TSession, migrations: TMigrationFile[]): Promise<TMigrationResult> {
  await session.run(CREATE_MIGRATIONS_TABLE);
  const rows = await session.rows<{ migration_name: string; checksum: string; finished_at: unknown }>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
  );
  // A row left unfinished by `prisma migrate deploy` means a half-applied migration: same stop as Prisma's P3009.
  const failed = rows.find((r) => r.finished_at === null);
  if (failed) {
    throw new Error(
      `Migration ${failed.migration_name} failed earlier and is marked unfinished in _prisma_migrations; ` +
        `fix the database, then mark it rolled back (prisma migrate resolve) before starting again.`,
    );
  }
  const done = new Map(rows.map((r) => [r.migration_name, r.checksum]));
  const result: TMigrationResult = { applied: [], modified: [] };
  for (const m of migrations) {
    const checksum = done.get(m.name);
    if (checksum !== undefined) {
      if (checksum !== m.checksum) result.modified.push(m.name);
      continue;
    }
    // Schema change and its bookkeeping row commit together or not at all.
    await session.run("BEGIN");
    try {
      await session.run(m.sql);
      await session.rows(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
        [randomUUID(), m.checksum, m.name],
      );
      await session.run("COMMIT");
    } catch (error) {
      await session.run("ROLLBACK").catch(() => {}); // a dead connection has nothing to roll back
      throw new Error(`Migration ${m.name} failed: ${(error as Error).message}`, { cause: error });
    }
    result.applied.push(m.name);
  }
  return result;
}

// Duck-typed: `instanceof` breaks when two copies of pg (or PGlite) are installed.
function isPglite(target: TMigrationTarget): target is PGlite {
  return typeof (target as PGlite).exec === "function";
}

function isPool(target: pg.Pool | pg.Client): target is pg.Pool {
  return "idleCount" in target;
}

async function openSession(target: TMigrationTarget): Promise<TSession> {
  if (isPglite(target)) {
    return {
      isServer: false,
      run: async (sql) => void (await target.exec(sql)),
      rows: async <T>(sql: string, params?: unknown[]) => (await target.query<T>(sql, params)).rows,
      release: () => {},
    };
  }
  const pooled = isPool(target) ? await target.connect() : undefined;
  const client = pooled ?? (target as pg.Client);
  return {
    isServer: true,
    run: async (sql) => void (await client.query(sql)),
    rows: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
    release: (destroy) => pooled?.release(destroy),
  };
}
