import { Prisma, type PrismaClient } from "@/server/db/generated/client";
import type { TPlaybackFrame } from "@/lib/contracts/history";
import type { TLayer } from "@/lib/contracts/layers";
import type { TLayerEvents } from "@/lib/contracts/realtime";
import { MINUTE_MS, minuteOf } from "./playback-time";

/** A minute with nothing recorded shows the latest recorded minute up to this far before it. */
const PLAYBACK_FALLBACK_MINUTES = 5;

/**
 * The city's layers as recorded for the minute `at` falls in (or the latest recorded minute at most
 * PLAYBACK_FALLBACK_MINUTES before it); `at` is that recorded minute, or the asked-for minute with empty
 * layers when there is none. The events are returned as stored, unparsed: the recorder is the only
 * writer and it stores city state, which holds validated events only (the route's ZPlaybackFrame checks
 * the answer, and the browser parses it with the same schema).
 */
export async function readPlaybackFrame(prisma: PrismaClient, at: Date, layers: readonly TLayer[]): Promise<TPlaybackFrame> {
  const asked = minuteOf(at);
  const frame: TLayerEvents = Object.fromEntries(layers.map((layer) => [layer, []]));
  const [found] = await prisma.$queryRaw<{ ms: number | null }[]>`
    SELECT (extract(epoch FROM max("minute")) * 1000)::float8 AS ms FROM "entity_history"
    WHERE "minute" <= ${asked.toISOString()}::timestamptz
      AND "minute" >= ${new Date(asked.getTime() - PLAYBACK_FALLBACK_MINUTES * MINUTE_MS).toISOString()}::timestamptz`;
  if (found?.ms == null || layers.length === 0) return { at: asked.toISOString(), layers: frame };

  const minute = new Date(Number(found.ms));
  const rows = await prisma.$queryRaw<{ layer: TLayer; data: string }[]>`
    SELECT "layer", "data"::text AS data FROM "entity_history"
    WHERE "minute" = ${minute.toISOString()}::timestamptz AND "layer" IN (${Prisma.join([...layers])})
    ORDER BY "layer", "entity_id"`;
  for (const row of rows) (frame[row.layer] as unknown[]).push(JSON.parse(row.data));
  return { at: minute.toISOString(), layers: frame };
}
