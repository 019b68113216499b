import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/client";
import { applyMigrations, type TMigrationResult } from "./migrate";
import { createDatabasePing, type TDatabasePing } from "./ping-database";

/** Pass as `dataDir` for a throwaway in-memory PGlite (tests). */
export const IN_MEMORY_DATA_DIR = "memory://";

export type TDatabaseKind = "postgres" | "pglite";

export type TDatabase = {
  prisma: PrismaClient;
  kind: TDatabaseKind;
  migrations: TMigrationResult;
  /** Whether the database answers now (cached briefly); requests that find it unreachable report it here. */
  ping: TDatabasePing;
  /** PostgreSQL server only: connections of the pool behind Prisma (metrics). */
  poolStats?: () => TPoolStats;
  /** Disconnects Prisma and closes the pool / PGlite. Safe to call more than once. */
  close(): Promise<void>;
};

export type TPoolStats = { total: number; idle: number; waiting: number };

export type TCreateDatabaseOptions = {
  /** postgres://… → real PostgreSQL; unset → embedded PGlite. */
  databaseUrl?: string;
  /** PGlite lives in `<dataDir>/pg`; `memory://` keeps it in memory. */
  dataDir: string;
  migrationsDir?: string;
  /**
   * PostgreSQL server only (PGlite runs in-process). Unset → no limit, for tools that seed or measure.
   * The server sets them all, so no request waits on a dead or partitioned database for longer than
   * about connect + statement time.
   */
  timeouts?: TDatabaseTimeouts;
};

export type TDatabaseTimeouts = {
  /** Opening a connection, and waiting for a free one in the pool. */
  connectMs: number;
  /** PostgreSQL cancels a statement running longer (57014). */
  statementMs: number;
  /** PostgreSQL ends a session left idle inside a transaction (25P03), releasing its locks. */
  idleInTransactionMs: number;
};

/**
 * The client gives up on an unanswered query this long after the server should have cancelled it:
 * when the network is partitioned the server's cancellation never arrives.
 */
const QUERY_TIMEOUT_MARGIN_MS = 2_000;

/** Opens the database and applies pending migrations before anyone can query it. */
export async function createDatabase(options: TCreateDatabaseOptions): Promise<TDatabase> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options) : openPglite(options);
}

async function openPostgres(connectionString: string, options: TCreateDatabaseOptions): Promise<TDatabase> {
  const timeouts = options.timeouts;
  const pool = new pg.Pool({
    connectionString,
    connectionTimeoutMillis: timeouts?.connectMs,
    statement_timeout: timeouts?.statementMs,
    idle_in_transaction_session_timeout: timeouts?.idleInTransactionMs,
    query_timeout: timeouts ? timeouts.statementMs + QUERY_TIMEOUT_MARGIN_MS : undefined,
  });
  const ping = createDatabasePing(async () => {
    await pool.query("SELECT 1");
  });
  // A server restart kills idle connections; the pool replaces them on next use. Without a listener
  // that 'error' event would crash the process (the Prisma adapter only adds its own on first query).
  pool.on("error", (error) => {
    console.warn(`PostgreSQL idle connection lost: ${error.message}`);
    ping.reportFailure();
  });
  // Migrations may legitimately run longer than any request may wait (an index on a big table): they
  // get their own connection without the statement limits.
  const migrate = async () => {
    const client = new pg.Client({ connectionString, connectionTimeoutMillis: timeouts?.connectMs });
    client.on("error", (error) => console.warn(`PostgreSQL migration connection lost: ${error.message}`));
    await client.connect();
    try {
      return await applyMigrations(client, { migrationsDir: options.migrationsDir });
    } finally {
      await client.end();
    }
  };
  const poolStats = () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount });
  return { ...(await open("postgres", migrate, new PrismaPg(pool), ping, () => pool.end())), poolStats };
}

async function openPglite(options: TCreateDatabaseOptions): Promise<TDatabase> {
  let dir = options.dataDir;
  if (dir !== IN_MEMORY_DATA_DIR) {
    dir = path.join(dir, "pg");
    await mkdir(dir, { recursive: true });
  }
  const pglite = await PGlite.create(dir);
  const ping = createDatabasePing(async () => {
    await pglite.query("SELECT 1");
  });
  const migrate = () => applyMigrations(pglite, { migrationsDir: options.migrationsDir });
  return open("pglite", migrate, new PrismaPGlite(pglite), ping, () => pglite.close());
}

async function open(
  kind: TDatabaseKind,
  migrate: () => Promise<TMigrationResult>,
  adapter: PrismaPg | PrismaPGlite,
  ping: TDatabasePing,
  closeDriver: () => Promise<void>,
): Promise<TDatabase> {
  let migrations: TMigrationResult;
  try {
    migrations = await migrate();
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
    ping,
    close: () => {
      // Memoized so a double shutdown (SIGINT then SIGTERM) waits for the same close instead of racing it.
      closing ??= prisma.$disconnect().finally(closeDriver);
      return closing;
    },
  };
}
