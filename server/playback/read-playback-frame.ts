import { Prisma, type PrismaClient } from "@/server/db/generated/client";
import type { TPlaybackFrame } from "@/lib/contracts/history";
import { isBuiltinLayer, type TDomainName } from "@/lib/contracts/layers";
import type { TDeclaredEvents, TLayerEvents } from "@/lib/contracts/realtime";
import { MINUTE_MS, minuteOf } from "./playback-time";

/** A minute with nothing recorded shows the latest recorded minute up to this far before it. */
const PLAYBACK_FALLBACK_MINUTES = 5;

/**
 * The city's domains as recorded for the minute `at` falls in (or the latest recorded minute at most
 * PLAYBACK_FALLBACK_MINUTES before it); `at` is that recorded minute, or the asked-for minute with empty
 * lists when there is none. Built-in layers come in `layers`, declared domains in `declared` (present when
 * any was asked for), as the live snapshot carries them. The events are returned as stored, unparsed: the
 * recorder is the only writer and it stores city state, which holds validated events only (the route's
 * ZPlaybackFrame checks the answer, and the browser parses it with the same schema).
 */
export async function readPlaybackFrame(prisma: PrismaClient, at: Date, domains: readonly TDomainName[]): Promise<TPlaybackFrame> {
  const asked = minuteOf(at);
  const layers: TLayerEvents = Object.fromEntries(domains.filter(isBuiltinLayer).map((layer) => [layer, []]));
  const declaredIds = domains.filter((domain) => !isBuiltinLayer(domain));
  const declared: TDeclaredEvents = Object.fromEntries(declaredIds.map((domain) => [domain, []]));
  const frameAt = (minute: Date): TPlaybackFrame => ({
    at: minute.toISOString(),
    layers,
    ...(declaredIds.length > 0 ? { declared } : {}),
  });
  const [found] = await prisma.$queryRaw<{ ms: number | null }[]>`
    SELECT (extract(epoch FROM max("minute")) * 1000)::float8 AS ms FROM "entity_history"
    WHERE "minute" <= ${asked.toISOString()}::timestamptz
      AND "minute" >= ${new Date(asked.getTime() - PLAYBACK_FALLBACK_MINUTES * MINUTE_MS).toISOString()}::timestamptz`;
  if (found?.ms == null || domains.length === 0) return frameAt(asked);

  const minute = new Date(Number(found.ms));
  const rows = await prisma.$queryRaw<{ layer: string; data: string }[]>`
    SELECT "layer", "data"::text AS data FROM "entity_history"
    WHERE "minute" = ${minute.toISOString()}::timestamptz AND "layer" IN (${Prisma.join([...domains])})
    ORDER BY "layer", "entity_id"`;
  for (const row of rows) {
    const list = isBuiltinLayer(row.layer) ? layers[row.layer] : declared[row.layer];
    (list as unknown[] | undefined)?.push(JSON.parse(row.data));
  }
  return frameAt(minute);
}
