import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/client";
import { applyMigrations, type TMigrationResult } from "./migrate";

/** Pass as `dataDir` for a throwaway in-memory PGlite (tests). */
export const IN_MEMORY_DATA_DIR = "memory://";

export type TDatabaseKind = "postgres" | "pglite";

export type TDatabase = {
  prisma: PrismaClient;
  kind: TDatabaseKind;
  migrations: TMigrationResult;
  /** Disconnects Prisma and closes the pool / PGlite. Safe to call more than once. */
  close(): Promise<void>;
};

export type TCreateDatabaseOptions = {
  /** postgres://… → real PostgreSQL; unset → embedded PGlite. */
  databaseUrl?: string;
  /** PGlite lives in `<dataDir>/pg`; `memory://` keeps it in memory. */
  dataDir: string;
  migrationsDir?: string;
};

/** Opens the database and applies pending migrations before anyone can query it. */
export async function createDatabase(options: TCreateDatabaseOptions): Promise<TDatabase> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options) : openPglite(options);
}

async function openPostgres(connectionString: string, options: TCreateDatabaseOptions): Promise<TDatabase> {
  const pool = new pg.Pool({ connectionString });
  // A server restart kills idle connections; the pool replaces them on next use. Without a listener
  // that 'error' event would crash the process (the Prisma adapter only adds its own on first query).
  pool.on("error", (error) => console.warn(`PostgreSQL idle connection lost: ${error.message}`));
  return open("postgres", pool, new PrismaPg(pool), () => pool.end(), options);
}

async function openPglite(options: TCreateDatabaseOptions): Promise<TDatabase> {
  let dir = options.dataDir;
  if (dir !== IN_MEMORY_DATA_DIR) {
    dir = path.join(dir, "pg");
    await mkdir(dir, { recursive: true });
  }
  const pglite = await PGlite.create(dir);
  return open("pglite", pglite, new PrismaPGlite(pglite), () => pglite.close(), options);
}

async function open(
  kind: TDatabaseKind,
  driver: pg.Pool | PGlite,
  adapter: PrismaPg | PrismaPGlite,
  closeDriver: () => Promise<void>,
  options: TCreateDatabaseOptions,
): Promise<TDatabase> {
  let migrations: TMigrationResult;
  try {
    migrations = await applyMigrations(driver, { migrationsDir: options.migrationsDir });
  } catch (error) {
    // An open PGlite left behind can corrupt its directory when the process dies.
    await closeDriver();
    throw error;
  }
  if (migrations.modified.length > 0) {
    console.warn(`Migrations edited after they were applied (not re-run): ${migrations.modified.join(", ")}`);
  }
  const prisma = new PrismaClient({ adapter });
  let closing: Promise<void> | undefined;
  return {
    prisma,
    kind,
    migrations,
    close: () => {
      // Memoized so a double shutdown (SIGINT then SIGTERM) waits for the same close instead of racing it.
      closing ??= prisma.$disconnect().finally(closeDriver);
      return closing;
    },
  };
}
