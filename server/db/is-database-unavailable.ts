/**
 * Tells "the database cannot answer right now" apart from every other failure, so callers can answer
 * 503 (try again) instead of 500 (our bug), and readiness can say the database is down.
 *
 * - "unreachable": no working connection (refused, reset, cut, partitioned, server shutting down).
 * - "busy": connected, but the answer did not come in time (statement timeout, pool exhausted,
 *   too many connections) — says nothing about whether the server is up.
 *
 * Errors arrive in three shapes, all seen against pg 8 + @prisma/adapter-pg 7 (server/db/is-database-unavailable.test.ts):
 * raw pg / Node socket errors (Prisma rethrows what its adapter cannot map: "Connection terminated
 * unexpectedly", "Query read timeout"), PrismaClientKnownRequestError with a P1xxx code, and
 * PrismaClientKnownRequestError whose meta.driverAdapterError.cause carries the SQLSTATE.
 */
export type TDatabaseFailure = "unreachable" | "busy";

const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "EAI_AGAIN"]);

/** pg and pg-pool throw these as plain Errors (no code). */
const PG_MESSAGES: Readonly<Record<string, TDatabaseFailure>> = {
  "Connection terminated unexpectedly": "unreachable",
  "Connection terminated": "unreachable",
  "Connection terminated due to connection timeout": "unreachable",
  "Query read timeout": "unreachable",
  "Client has encountered a connection error and is not queryable": "unreachable",
  "timeout expired": "unreachable",
  "timeout exceeded when trying to connect": "busy",
};

const PRISMA_CODES: Readonly<Record<string, TDatabaseFailure>> = {
  P1001: "unreachable", // can't reach database server
  P1002: "unreachable", // reached but timed out
  P1008: "unreachable", // socket timeout
  P1017: "unreachable", // server closed the connection
  P2024: "busy", // timed out fetching a connection from the pool
  P2028: "busy", // transaction could not start or expired in time
};

/** What @prisma/adapter-pg's DriverAdapterError says in `cause.kind`. */
const ADAPTER_KINDS: Readonly<Record<string, TDatabaseFailure>> = {
  DatabaseNotReachable: "unreachable",
  ConnectionClosed: "unreachable",
  SocketTimeout: "unreachable",
  TooManyConnections: "busy",
};

function fromSqlState(code: string): TDatabaseFailure | null {
  if (code.startsWith("08")) return "unreachable"; // connection exception
  if (code === "57P01" || code === "57P02" || code === "57P03") return "unreachable"; // admin/crash shutdown, cannot connect now
  if (code === "53300") return "busy"; // too many connections
  if (code === "57014") return "busy"; // statement timeout (we never cancel queries ourselves)
  if (code === "25P03") return "busy"; // our transaction sat idle too long
  return null;
}

type TErrorLike = { code?: unknown; kind?: unknown; originalCode?: unknown; cause?: unknown; meta?: unknown };

export function classifyDatabaseFailure(error: unknown): TDatabaseFailure | null {
  // Breadth over the error, its causes and Prisma's adapter error; bounded against cyclic causes.
  const queue: unknown[] = [error];
  for (let seen = 0; queue.length > 0 && seen < 12; seen++) {
    const item = queue.shift();
    if (!item || typeof item !== "object") continue;
    const e = item as TErrorLike;
    const found = classifyOne(e);
    if (found) return found;
    queue.push(e.cause);
    if (e.meta && typeof e.meta === "object") queue.push((e.meta as { driverAdapterError?: unknown }).driverAdapterError);
  }
  return null;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return classifyDatabaseFailure(error) !== null;
}

function classifyOne(e: TErrorLike): TDatabaseFailure | null {
  if (typeof e.kind === "string" && ADAPTER_KINDS[e.kind]) return ADAPTER_KINDS[e.kind];
  for (const code of [e.originalCode, e.code]) {
    if (typeof code !== "string") continue;
    if (SOCKET_CODES.has(code)) return "unreachable";
    if (PRISMA_CODES[code]) return PRISMA_CODES[code];
    if (/^[0-9A-Z]{5}$/.test(code)) {
      const fromState = fromSqlState(code);
      if (fromState) return fromState;
    }
  }
  // Plain Errors only: our own typed errors (AppError, …) could carry the same words for other reasons.
  if (e instanceof Error && e.name === "Error" && Object.hasOwn(PG_MESSAGES, e.message)) return PG_MESSAGES[e.message];
  return null;
}
