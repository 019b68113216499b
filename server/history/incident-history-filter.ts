import type { TIncidentHistoryFilter } from "@/lib/contracts/history";
import { Prisma, type PrismaClient } from "@/server/db/generated/client";

/**
 * The WHERE conditions of a history filter on `incidents t`, as parameterised SQL. One place, so the
 * list, the export and the map points always mean the same thing by the same URL.
 */
export async function incidentHistoryConditions(
  prisma: PrismaClient,
  filter: TIncidentHistoryFilter,
  options: { busyOperatorEntries?: number } = {},
): Promise<Prisma.Sql[]> {
  const conditions: Prisma.Sql[] = [];
  if (filter.from) conditions.push(Prisma.sql`t.created_at >= ${filter.from}::timestamptz`);
  if (filter.to) conditions.push(Prisma.sql`t.created_at < ${filter.to}::timestamptz`);
  if (filter.type?.length) conditions.push(Prisma.sql`t.type IN (${Prisma.join(filter.type)})`);
  if (filter.priority?.length) {
    conditions.push(Prisma.sql`t.priority IN (${Prisma.join(filter.priority.map((p) => Prisma.sql`${p}::incident_priority`))})`);
  }
  if (filter.status?.length) conditions.push(Prisma.sql`t.status IN (${Prisma.join(filter.status)})`);
  if (filter.zone) conditions.push(Prisma.sql`t.zone = ${filter.zone}`);
  if (filter.unit) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM dispatches d WHERE d.incident_id = t.id AND d.unit_id = ${filter.unit})`);
  }
  if (filter.operator)
    conditions.push(await operatorCondition(prisma, filter.operator, options.busyOperatorEntries ?? BUSY_OPERATOR_ENTRIES));
  if (filter.q) conditions.push(Prisma.sql`t.search @@ websearch_to_tsquery('simple', ${filter.q})`);
  return conditions;
}

/** Timeline entries beyond which an operator counts as busy (about 5,000 incidents): see operatorCondition. */
const BUSY_OPERATOR_ENTRIES = 20_000;

/**
 * Incidents the operator created or has a timeline entry on. No single plan is fast for both kinds of
 * operator: a busy one matches every few incidents, so walking the sort order and probing the timeline
 * fills a page at once; someone who acted on a handful of incidents would make that walk read the whole
 * table, so their incidents are collected first and then sorted. A bounded index-only count tells which.
 */
async function operatorCondition(prisma: PrismaClient, operator: string, busyEntries: number): Promise<Prisma.Sql> {
  const [{ entries }] = await prisma.$queryRaw<{ entries: number }[]>`
    SELECT count(*)::int AS entries FROM (SELECT 1 FROM incident_events WHERE actor_id = ${operator} LIMIT ${busyEntries}) AS e`;
  if (entries >= busyEntries) {
    return Prisma.sql`(t.created_by_id = ${operator}
      OR EXISTS (SELECT 1 FROM incident_events e WHERE e.incident_id = t.id AND e.actor_id = ${operator}))`;
  }
  return Prisma.sql`t.id IN (SELECT e.incident_id FROM incident_events e WHERE e.actor_id = ${operator}
    UNION ALL SELECT c.id FROM incidents c WHERE c.created_by_id = ${operator})`;
}
