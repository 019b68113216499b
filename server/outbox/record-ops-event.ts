import { OPS_TOPIC, type TOpsEntityType } from "@/lib/contracts/ops-events";
import { ALERT_INCLUDE, toAlert } from "@/server/alerts/alert-view";
import type { Prisma, PrismaClient } from "@/server/db/generated/client";
import { findUnit } from "@/server/dispatch/find-unit";
import { findIncident } from "@/server/incidents/find-incident";
import { isOpsOutboxOn } from "./ops-outbox-switch";

/** Called inside the change's transaction, after the entity's row was written (its row lock orders the events). */
type TOutboxWriter = PrismaClient | Prisma.TransactionClient;

export type TOpsChange = { entityType: string; entityId?: string | null; type: string };

const isOpsEntity = (entityType: string): entityType is TOpsEntityType => Object.hasOwn(OPS_TOPIC, entityType);

/**
 * Writes one operational event to the outbox: the entity as the API returns it now, in the same transaction
 * as the change, so a rolled-back change is never published and a committed one always is. Other entity
 * types (users, sessions, rules) and embedded mode (outbox off) write nothing.
 */
export async function recordOpsEvent(db: TOutboxWriter, change: TOpsChange): Promise<void> {
  const { entityType, entityId, type } = change;
  if (!entityId || !isOpsEntity(entityType) || !isOpsOutboxOn()) return;
  const entity = await readEntity(db, entityType, entityId);
  await db.opsOutbox.create({ data: { topic: OPS_TOPIC[entityType], entityId, type, entity: entity as Prisma.InputJsonValue } });
}

async function readEntity(db: TOutboxWriter, entityType: TOpsEntityType, id: string): Promise<unknown> {
  if (entityType === "alert") return toAlert(await db.alert.findUniqueOrThrow({ where: { id }, include: ALERT_INCLUDE }));
  if (entityType === "incident") return findIncident(db, id);
  return findUnit(db, id);
}
