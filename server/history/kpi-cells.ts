import { KPI_METRICS, type TKpiMetric } from "@/lib/contracts/history";
import { Prisma, type PrismaClient } from "@/server/db/generated/client";
import { inTransaction } from "@/server/db/transaction";

/** Incidents of one type and zone created in one hour of the day. */
export type TKpiCell = { type: string; zone: string; hour: string; incidents: number; resolved: number };

/**
 * A stretch of incidents grouped into cells, each step's durations (seconds) back to back, cell by cell:
 * cell c's are values[start[c]] up to values[start[c + 1]]. One flat array rather than a small one per
 * cell: a year holds ~47,000 cells, regrouped four ways per report, and that walk must stay in cache.
 */
export type TKpiCells = {
  cells: TKpiCell[];
  durations: Record<TKpiMetric, { values: Float64Array; start: Uint32Array }>;
};

/** What a report is narrowed to (the query's own filters). */
export type TKpiCellFilter = { types?: readonly string[]; zone?: string };

/** Seconds from one milestone to the next, per metric (null when the incident never got there). */
// date_part (float8), not extract (numeric): numeric arithmetic on every row costs more than the scan.
const METRIC_SQL: Record<TKpiMetric, Prisma.Sql> = {
  mtta: Prisma.sql`date_part('epoch', acknowledged_at - created_at)`,
  timeToDispatch: Prisma.sql`date_part('epoch', first_dispatched_at - created_at)`,
  timeToArrive: Prisma.sql`date_part('epoch', first_on_scene_at - first_dispatched_at)`,
  mttr: Prisma.sql`date_part('epoch', resolved_at - created_at)`,
};

type TCellRow = { piece: number; type: string; zone: string; hour: number; incidents: number; resolved: number } & {
  [M in TKpiMetric]: string | null;
};

/**
 * A stretch of a report's range: a whole finished UTC month or a run of whole finished UTC days within one
 * month (both cacheable), or one read as it is now.
 */
export type TRangePiece = { from: Date; to: Date; cached: "month" | "days" | null };

/**
 * The (type, zone, hour) cells of incidents created in each of the consecutive pieces, one block per piece,
 * read from PostgreSQL in one scan of the covering index (the milestones are columns of `incidents`, kept
 * by the timeline trigger, so no join). Several pieces must all be whole UTC months and days. Each cell's
 * durations come back packed as float8 rather than as a row per incident, in base64 text: Prisma hands
 * text straight through, while bytea costs it a conversion per value (a year of cells: 400–780 ms as
 * bytea, 250–500 ms as base64).
 */
export function readKpiCells(
  prisma: PrismaClient,
  pieces: readonly TRangePiece[],
  filter: TKpiCellFilter,
  timeZone: string,
): Promise<TKpiCells[]> {
  const from = pieces[0].from;
  const to = pieces[pieces.length - 1].to;
  const where = [Prisma.sql`created_at >= ${from}::timestamptz`, Prisma.sql`created_at < ${to}::timestamptz`];
  if (filter.types?.length) where.push(Prisma.sql`type IN (${Prisma.join(filter.types)})`);
  if (filter.zone) where.push(Prisma.sql`zone = ${filter.zone}`);
  return inTransaction(prisma, async (tx) => {
    // JIT compilation costs more than it saves on a query this size.
    await tx.$executeRaw`SET LOCAL jit = off`;
    const rows = await tx.$queryRaw<TCellRow[]>`
    SELECT ${pieceStartSql(pieces)} AS piece, type, zone,
      date_part('hour', created_at AT TIME ZONE ${timeZone}::text)::int AS hour,
      count(*)::int AS incidents,
      count(*) FILTER (WHERE resolved_at IS NOT NULL)::int AS resolved,
      ${Prisma.join(KPI_METRICS.map((metric) => Prisma.sql`encode(string_agg(float8send(${METRIC_SQL[metric]}), ''::bytea), 'base64') AS ${Prisma.raw(`"${metric}"`)}`))}
    FROM incidents
    WHERE ${Prisma.join(where, " AND ")}
    GROUP BY 1, 2, 3, 4`;
    const indexOfStart = new Map(pieces.map((piece, i) => [piece.from.getTime(), i]));
    const byPiece = pieces.map((): TCellRow[] => []);
    for (const row of rows) byPiece[indexOfStart.get(row.piece)!].push(row);
    return byPiece.map(toCells);
  });
}

/**
 * Each incident's piece, as the epoch milliseconds the piece starts at: inside the run of months its UTC
 * month, elsewhere the piece whose bounds it falls in. (Cheaper per row than width_bucket over all the
 * pieces' bounds: 24 vs 182 ms a half year.)
 */
function pieceStartSql(pieces: readonly TRangePiece[]): Prisma.Sql {
  if (pieces.length === 1) return Prisma.sql`${pieces[0].from.getTime()}::float8`;
  const months = pieces.filter((piece) => piece.cached === "month");
  const branches = pieces
    .filter((piece) => piece.cached !== "month")
    .map(
      (piece) =>
        Prisma.sql`WHEN created_at < ${piece.to}::timestamptz AND created_at >= ${piece.from}::timestamptz THEN ${piece.from.getTime()}::float8`,
    );
  if (months.length > 0) {
    branches.push(Prisma.sql`WHEN created_at >= ${months[0].from}::timestamptz AND created_at < ${months[months.length - 1].to}::timestamptz
      THEN date_part('epoch', date_trunc('month', created_at AT TIME ZONE 'UTC')) * 1000`);
  }
  return Prisma.sql`CASE ${Prisma.join(branches, " ")} END`;
}

export function matchesFilter(cell: TKpiCell, filter: TKpiCellFilter): boolean {
  return (!filter.types?.length || filter.types.includes(cell.type)) && (!filter.zone || cell.zone === filter.zone);
}

function toCells(rows: readonly TCellRow[]): TKpiCells {
  const cells = rows.map(
    ({ type, zone, hour, incidents, resolved }): TKpiCell => ({ type, zone, hour: String(hour), incidents, resolved }),
  );
  const durations = {} as TKpiCells["durations"];
  for (const metric of KPI_METRICS) {
    const packed = rows.map((row) => (row[metric] ? Buffer.from(row[metric], "base64") : null));
    const count = packed.reduce((sum, bytes) => sum + (bytes ? bytes.byteLength / 8 : 0), 0);
    const values = new Float64Array(count);
    const start = new Uint32Array(rows.length + 1);
    let offset = 0;
    packed.forEach((bytes, cell) => {
      start[cell] = offset;
      if (!bytes) return;
      // float8send: network byte order.
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      for (let i = 0; i < bytes.byteLength; i += 8) values[offset++] = view.getFloat64(i, false);
    });
    start[rows.length] = offset;
    durations[metric] = { values, start };
  }
  return { cells, durations };
}
