import { z } from "zod";
import type { TAlertHistoryPage, TAlertHistoryQuery, TAlertHistoryRow } from "@/lib/contracts/history";
import { ZAlertSeverity } from "@/lib/contracts/alerts";
import { Prisma, type PrismaClient } from "@/server/db/generated/client";
import { alertHistoryConditions } from "./alert-history-filter";
import { decodeCursor, encodeCursor, ZCursorId, ZCursorTime } from "./history-cursor";
import { keysetOrderBy, keysetPageSql, type TKeysetAfter, type TKeysetTable } from "./keyset-sql";

type TSort = TAlertHistoryQuery["sort"];

type TRow = {
  id: string;
  rule_id: string;
  rule_name: string;
  domain: TAlertHistoryRow["domain"];
  entity_id: string;
  severity: TAlertHistoryRow["severity"];
  status: TAlertHistoryRow["status"];
  message: string;
  zone: string;
  lon: number;
  lat: number;
  first_seen_at: Date;
  acknowledged_at: Date | null;
  resolved_at: Date | null;
  incident_id: string | null;
};

const ALERTS: TKeysetTable = {
  from: Prisma.sql`alerts t`,
  columns: Prisma.sql`t.id, t.rule_id, t.rule_name, t.domain, t.entity_id, t.severity, t.status, t.message, t.zone, t.lon, t.lat,
    t.first_seen_at, t.acknowledged_at, t.resolved_at, t.incident_id`,
  time: "first_seen_at",
  rank: { column: "severity", type: "alert_severity" },
};

const ORDER = { newest: "newest", oldest: "oldest", severity: "rank" } as const;

/** /history's alert list: one keyset page (newest, oldest or most severe first), and the next page's cursor. */
export async function listAlertHistory(prisma: PrismaClient, query: TAlertHistoryQuery): Promise<TAlertHistoryPage> {
  const { sort, cursor, limit, ...filter } = query;
  const order = ORDER[sort];
  const after = cursor ? decodeAlertCursor(sort, cursor) : null;
  const rows = keysetPageSql(ALERTS, alertHistoryConditions(filter), { order, after, limit: limit + 1 });
  const result = await prisma.$queryRaw<TRow[]>`
    SELECT p.id::text AS id, p.rule_id, p.rule_name, p.domain, p.entity_id, p.severity::text AS severity, p.status, p.message,
      p.zone, p.lon, p.lat, p.first_seen_at, p.acknowledged_at, p.resolved_at, p.incident_id::text AS incident_id
    FROM (${rows}) AS p
    ORDER BY ${keysetOrderBy(ALERTS, order, "p")}
    LIMIT ${limit + 1}`;
  // One extra row tells whether another page exists without a count.
  const page = result.slice(0, limit).map(toRow);
  const last = page.at(-1);
  return { rows: page, nextCursor: result.length > limit && last ? encodeAlertCursor(sort, last) : null };
}

const scope = (sort: TSort) => `alerts:${sort}`;

function encodeAlertCursor(sort: TSort, row: TAlertHistoryRow): string {
  return encodeCursor(scope(sort), sort === "severity" ? [row.severity, row.firstSeenAt, row.id] : [row.firstSeenAt, row.id]);
}

function decodeAlertCursor(sort: TSort, cursor: string): TKeysetAfter {
  if (sort === "severity") {
    const [rank, time, id] = decodeCursor(scope(sort), cursor, z.tuple([ZAlertSeverity, ZCursorTime, ZCursorId]));
    return { rank, time, id };
  }
  const [time, id] = decodeCursor(scope(sort), cursor, z.tuple([ZCursorTime, ZCursorId]));
  return { time, id };
}

function toRow(row: TRow): TAlertHistoryRow {
  return {
    id: row.id,
    ruleId: row.rule_id,
    ruleName: row.rule_name,
    domain: row.domain,
    entityId: row.entity_id,
    severity: row.severity,
    status: row.status,
    message: row.message,
    zone: row.zone,
    location: [row.lon, row.lat],
    firstSeenAt: row.first_seen_at.toISOString(),
    acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    incidentId: row.incident_id,
  };
}
