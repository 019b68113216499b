import { randomUUID } from "node:crypto";
import { ZCityEvent, type TUnitPosition } from "@/lib/contracts/events";
import { TOPIC_BY_LAYER } from "@/lib/domains/builtin-domains";
import type { TFieldPositionRequest } from "@/lib/contracts/units";
import type { PrismaClient } from "@/server/db/generated/client";
import { invalid } from "@/server/errors";
import type { TPublisher } from "@/server/realtime/publisher";
import type { TEventSource } from "@/server/ingest/types";
import { findUnit } from "./find-unit";

const MAX_SPEED_KMH = 300;
/** The board hears about the refreshed contact time at most this often per unit (phones report every few seconds). */
const CONTACT_PUSH_MS = 60_000;

/**
 * A crew's phone position becomes a UnitPosition event for their unit and takes the sensors' path
 * (Kafka topic city.units, or straight into the simulator's pipeline), so the map, the rules and the
 * routing see it like any other. The simulator stops moving that unit while its phone reports.
 */
export async function reportFieldPosition(
  deps: { prisma: PrismaClient; source: TEventSource; publish: TPublisher; now?: () => Date },
  userId: string,
  request: TFieldPositionRequest,
): Promise<void> {
  const user = await deps.prisma.user.findUnique({
    where: { id: userId },
    select: { unit: { select: { id: true, status: true, lastContactAt: true } } },
  });
  const unit = user?.unit;
  if (!unit) throw invalid("You do not crew a unit, so there is nothing to report a position for");
  const now = deps.now?.() ?? new Date();
  const event: TUnitPosition = {
    id: randomUUID(),
    type: "UnitPosition",
    entityId: unit.id,
    observedAt: now.toISOString(),
    location: request.location,
    heading: request.heading ?? 0,
    speed: Math.min(MAX_SPEED_KMH, (request.speedMps ?? 0) * 3.6),
    status: unit.status as TUnitPosition["status"],
  };
  const parsed = ZCityEvent.safeParse(event);
  if (!parsed.success) throw invalid(`Not a valid position: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  await deps.source.inject([{ topic: TOPIC_BY_LAYER.units, key: unit.id, value: JSON.stringify(parsed.data) }]);
  deps.source.units?.trackedExternally(unit.id);
  await deps.prisma.unit.update({ where: { id: unit.id }, data: { lastContactAt: now } });
  if (now.getTime() - unit.lastContactAt.getTime() >= CONTACT_PUSH_MS) deps.publish.unit(await findUnit(deps.prisma, unit.id));
}
