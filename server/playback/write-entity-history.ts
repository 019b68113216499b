import { LAYERS } from "@/lib/contracts/layers";
import type { TCityEvent } from "@/lib/contracts/events";
import type { TLayerEvents } from "@/lib/contracts/realtime";
import type { PrismaClient } from "@/server/db/generated/client";

type TRow = { layer: string; entity_id: string; data: TCityEvent };

/** Rows per INSERT: one statement for a whole small city, a few for a big one. */
const BATCH_ROWS = 1_000;

function historyRowsOf(snapshot: TLayerEvents): TRow[] {
  const rows: TRow[] = [];
  for (const layer of LAYERS) {
    for (const event of (snapshot[layer] ?? []) as TCityEvent[]) rows.push({ layer, entity_id: event.entityId, data: event });
  }
  return rows;
}

/**
 * One row per entity for this minute, in multi-row INSERTs: the batch travels as one JSON parameter
 * and is unpacked by jsonb_to_recordset (same on PostgreSQL and PGlite). A minute already recorded
 * keeps its first rows, so a repeated run cannot duplicate them. Returns the rows inserted.
 */
export async function writeEntityHistory(prisma: PrismaClient, minute: Date, snapshot: TLayerEvents): Promise<number> {
  const rows = historyRowsOf(snapshot);
  let inserted = 0;
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const batch = JSON.stringify(rows.slice(start, start + BATCH_ROWS));
    inserted += await prisma.$executeRaw`
      INSERT INTO "entity_history" ("minute", "layer", "entity_id", "data")
      SELECT ${minute.toISOString()}::timestamptz, r.layer, r.entity_id, r.data
      FROM jsonb_to_recordset(${batch}::jsonb) AS r(layer text, entity_id text, data jsonb)
      ON CONFLICT DO NOTHING`;
  }
  return inserted;
}
