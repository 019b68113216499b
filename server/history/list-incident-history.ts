import { z } from "zod";
import type { TIncidentHistoryPage, TIncidentHistoryQuery } from "@/lib/contracts/history";
import { ZIncidentPriority } from "@/lib/contracts/incidents";
import type { PrismaClient } from "@/server/db/generated/client";
import { decodeCursor, encodeCursor, ZCursorId, ZCursorTime } from "./history-cursor";
import { keyOf, queryIncidentHistory, type TIncidentHistorySort, type TIncidentKey } from "./incident-history-query";

/** /history's incident list: one keyset page of the filter, plus the cursor of the next one (null at the end). */
export async function listIncidentHistory(prisma: PrismaClient, query: TIncidentHistoryQuery): Promise<TIncidentHistoryPage> {
  const { sort, cursor, limit, ...filter } = query;
  const after = cursor ? decodeIncidentCursor(sort, cursor) : null;
  // One extra row tells whether another page exists without a count.
  const rows = await queryIncidentHistory(prisma, filter, { sort, after, limit: limit + 1 });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > limit && last ? encodeIncidentCursor(sort, keyOf(last)) : null };
}

const scope = (sort: TIncidentHistorySort) => `incidents:${sort}`;

function encodeIncidentCursor(sort: TIncidentHistorySort, key: Required<TIncidentKey>): string {
  return encodeCursor(scope(sort), sort === "priority" ? [key.priority, key.createdAt, key.id] : [key.createdAt, key.id]);
}

function decodeIncidentCursor(sort: TIncidentHistorySort, cursor: string): TIncidentKey {
  if (sort === "priority") {
    const [priority, createdAt, id] = decodeCursor(scope(sort), cursor, z.tuple([ZIncidentPriority, ZCursorTime, ZCursorId]));
    return { priority, createdAt, id };
  }
  const [createdAt, id] = decodeCursor(scope(sort), cursor, z.tuple([ZCursorTime, ZCursorId]));
  return { createdAt, id };
}
