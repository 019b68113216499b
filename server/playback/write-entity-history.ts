import { LAYERS } from "@/lib/contracts/layers";
import type { TCityEvent } from "@/lib/contracts/events";
import type { TDomainEvent } from "@/lib/contracts/domain-definition";
import type { TDeclaredEvents, TLayerEvents } from "@/lib/contracts/realtime";
import type { PrismaClient } from "@/server/db/generated/client";

/** `layer` is the domain: a built-in layer or a declared domain's id (ids cannot clash: definitions may not take a layer's). */
type TRow = { layer: string; entity_id: string; data: TCityEvent | TDomainEvent };

/** Rows per INSERT: one statement for a whole small city, a few for a big one. */
const BATCH_ROWS = 1_000;

function historyRowsOf(snapshot: TLayerEvents, declared: TDeclaredEvents): TRow[] {
  const rows: TRow[] = [];
  for (const layer of LAYERS) {
    for (const event of (snapshot[layer] ?? []) as TCityEvent[]) rows.push({ layer, entity_id: event.entityId, data: event });
  }
  for (const [domain, events] of Object.entries(declared))
    for (const event of events) rows.push({ layer: domain, entity_id: event.entityId, data: event });
  return rows;
}

/**
 * One row per entity for this minute, in multi-row INSERTs: the batch travels as one JSON parameter
 * and is unpacked by jsonb_to_recordset (same on PostgreSQL and PGlite). A minute already recorded
 * keeps its first rows, so a repeated run cannot duplicate them. Returns the rows inserted.
 */
export async function writeEntityHistory(
  prisma: PrismaClient,
  minute: Date,
  snapshot: TLayerEvents,
  declared: TDeclaredEvents = {},
): Promise<number> {
  const rows = historyRowsOf(snapshot, declared);
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
