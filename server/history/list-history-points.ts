import type { z } from "zod";
import { POINTS_LIMIT, type ZPoints, type ZPointsQuery } from "@/lib/contracts/history";
import { Prisma, type PrismaClient } from "@/server/db/generated/client";
import { alertHistoryConditions } from "./alert-history-filter";
import { incidentHistoryConditions } from "./incident-history-filter";
import { whereSql } from "./keyset-sql";

type TPointsQuery = z.infer<typeof ZPointsQuery>;
type TPoints = z.infer<typeof ZPoints>;

/**
 * Positions of the incidents (type filter) or alerts (domain filter) in a range, newest first, for the
 * heatmap and hexagon layers; at most POINTS_LIMIT. Rounded to 5 decimals (about a metre): plenty for
 * aggregation, and a third less to send.
 */
export async function listHistoryPoints(prisma: PrismaClient, query: TPointsQuery, limit = POINTS_LIMIT): Promise<TPoints> {
  const { kind, from, to } = query;
  const source =
    kind === "alerts"
      ? {
          from: Prisma.sql`alerts t`,
          time: Prisma.sql`t.first_seen_at`,
          conditions: alertHistoryConditions({ from, to, domain: query.domain }),
        }
      : {
          from: Prisma.sql`incidents t`,
          time: Prisma.sql`t.created_at`,
          conditions: await incidentHistoryConditions(prisma, { from, to, type: query.type }),
        };
  const rows = await prisma.$queryRaw<{ lon: number; lat: number }[]>`
    SELECT t.lon, t.lat FROM ${source.from} ${whereSql(source.conditions)} ORDER BY ${source.time} DESC LIMIT ${limit + 1}`;
  const round = (value: number) => Math.round(value * 1e5) / 1e5;
  return { points: rows.slice(0, limit).map((r) => [round(r.lon), round(r.lat)]), truncated: rows.length > limit };
}
