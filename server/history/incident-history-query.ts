import type { TIncidentHistoryFilter, TIncidentHistoryQuery, TIncidentHistoryRow } from "@/lib/contracts/history";
import { Prisma, type PrismaClient } from "@/server/db/generated/client";
import { incidentHistoryConditions } from "./incident-history-filter";
import { keysetOrderBy, keysetPageSql, type TKeysetTable } from "./keyset-sql";

export type TIncidentHistorySort = TIncidentHistoryQuery["sort"];
type TIncidentPriority = TIncidentHistoryRow["priority"];
/** Where the previous page ended: its last row's sort key (the priority matters to the priority sort only). */
export type TIncidentKey = { createdAt: string; id: string; priority?: TIncidentPriority };

type TRow = {
  id: string;
  number: string;
  type: TIncidentHistoryRow["type"];
  priority: TIncidentPriority;
  status: TIncidentHistoryRow["status"];
  zone: string;
  address: string | null;
  description: string;
  lon: number;
  lat: number;
  created_at: Date;
  acknowledged_at: Date | null;
  first_dispatched_at: Date | null;
  first_on_scene_at: Date | null;
  resolved_at: Date | null;
  units: string[];
};

const INCIDENTS: TKeysetTable = {
  from: Prisma.sql`incidents t`,
  columns: Prisma.sql`t.id, t.number, t.type, t.priority, t.status, t.zone, t.address, t.description, t.lon, t.lat,
    t.created_at, t.acknowledged_at, t.first_dispatched_at, t.first_on_scene_at, t.resolved_at`,
  time: "created_at",
  rank: { column: "priority", type: "incident_priority" },
};

const ORDER = { newest: "newest", oldest: "oldest", priority: "rank" } as const;

/**
 * One keyset page of incident history after `after` (see keyset-sql.ts). The call signs of the
 * dispatched units are looked up for the page's rows only, once the page is cut.
 */
export async function queryIncidentHistory(
  prisma: PrismaClient,
  filter: TIncidentHistoryFilter,
  page: { sort: TIncidentHistorySort; after: TIncidentKey | null; limit: number },
): Promise<TIncidentHistoryRow[]> {
  const order = ORDER[page.sort];
  const after = page.after && { time: page.after.createdAt, id: page.after.id, rank: page.after.priority };
  const rows = keysetPageSql(INCIDENTS, await incidentHistoryConditions(prisma, filter), { order, after, limit: page.limit });
  const result = await prisma.$queryRaw<TRow[]>`
    SELECT p.id::text AS id, p.number, p.type, p.priority::text AS priority, p.status, p.zone, p.address, p.description,
      p.lon, p.lat, p.created_at, p.acknowledged_at, p.first_dispatched_at, p.first_on_scene_at, p.resolved_at,
      ARRAY(SELECT u.call_sign FROM dispatches d JOIN units u ON u.id = d.unit_id
            WHERE d.incident_id = p.id GROUP BY u.call_sign ORDER BY min(d.dispatched_at)) AS units
    FROM (${rows}) AS p
    ORDER BY ${keysetOrderBy(INCIDENTS, order, "p")}
    LIMIT ${page.limit}`;
  return result.map(toRow);
}

export function keyOf(row: TIncidentHistoryRow): Required<TIncidentKey> {
  return { createdAt: row.createdAt, id: row.id, priority: row.priority };
}

function toRow(row: TRow): TIncidentHistoryRow {
  return {
    id: row.id,
    number: row.number,
    type: row.type,
    priority: row.priority,
    status: row.status,
    zone: row.zone,
    address: row.address,
    description: row.description,
    location: [row.lon, row.lat],
    createdAt: row.created_at.toISOString(),
    acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
    firstDispatchedAt: row.first_dispatched_at?.toISOString() ?? null,
    firstOnSceneAt: row.first_on_scene_at?.toISOString() ?? null,
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    units: row.units,
  };
}
