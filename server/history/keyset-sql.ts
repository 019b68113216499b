import { Prisma } from "@/server/db/generated/client";

/**
 * Keyset paging for the history lists, on any table aliased `t` with a time column, a uuid id and an
 * enum rank (priority, severity). Orders: newest (time DESC, id DESC), oldest (time ASC, id ASC) and by
 * rank (rank ASC, time DESC, id DESC). Ties on time are broken by id, so equal timestamps never skip or
 * repeat a row, and a deep page is an index range scan from the cursor rather than an OFFSET.
 */
type TKeysetOrder = "newest" | "oldest" | "rank";
export type TKeysetAfter = { time: string; id: string; rank?: string };
export type TKeysetTable = {
  /** e.g. `incidents t` — constant SQL. */
  from: Prisma.Sql;
  columns: Prisma.Sql;
  time: string;
  rank: { column: string; type: string };
};

/** The ORDER BY of an order on an alias (constant text: nothing from the request). */
export function keysetOrderBy(table: TKeysetTable, order: TKeysetOrder, alias: string): Prisma.Sql {
  const time = `${alias}.${table.time}`;
  const id = `${alias}.id`;
  if (order === "oldest") return Prisma.raw(`${time} ASC, ${id} ASC`);
  if (order === "rank") return Prisma.raw(`${alias}.${table.rank.column} ASC, ${time} DESC, ${id} DESC`);
  return Prisma.raw(`${time} DESC, ${id} DESC`);
}

/** Up to `limit` rows of `table` matching `conditions`, after the key, in the order. */
export function keysetPageSql(
  table: TKeysetTable,
  conditions: readonly Prisma.Sql[],
  page: { order: TKeysetOrder; after: TKeysetAfter | null; limit: number },
): Prisma.Sql {
  const { order, after, limit } = page;
  const time = Prisma.raw(`t.${table.time}`);
  const select = (where: readonly Prisma.Sql[], by: Prisma.Sql) =>
    Prisma.sql`SELECT ${table.columns} FROM ${table.from} ${whereSql(where)} ORDER BY ${by} LIMIT ${limit}`;
  if (!after) return select(conditions, keysetOrderBy(table, order, "t"));

  const key = Prisma.sql`(${after.time}::timestamptz, ${after.id}::uuid)`;
  if (order !== "rank") {
    const direction = Prisma.raw(order === "oldest" ? ">" : "<");
    return select([...conditions, Prisma.sql`(${time}, t.id) ${direction} ${key}`], keysetOrderBy(table, order, "t"));
  }
  // Mixed directions have no row-value comparison: the rest of the cursor's rank, then the lower ranks,
  // each an ordered index range; the caller's outer ORDER BY merges them.
  const rankColumn = Prisma.raw(`t.${table.rank.column}`);
  const rank = Prisma.sql`${after.rank ?? null}::${Prisma.raw(table.rank.type)}`;
  const sameRank = [...conditions, Prisma.sql`${rankColumn} = ${rank}`, Prisma.sql`(${time}, t.id) < ${key}`];
  const lowerRanks = [...conditions, Prisma.sql`${rankColumn} > ${rank}`];
  return Prisma.sql`(${select(sameRank, keysetOrderBy(table, "newest", "t"))}) UNION ALL (${select(lowerRanks, keysetOrderBy(table, "rank", "t"))})`;
}

/** `WHERE a AND b …`, or nothing. */
export function whereSql(conditions: readonly Prisma.Sql[]): Prisma.Sql {
  return conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}
