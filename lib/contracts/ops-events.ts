import { z } from "zod";
import { ZAlert } from "./alerts";
import { ZIncident } from "./incidents";
import { ZResponderUnit } from "./units";

/** Kafka topics of operational events: every change of an alert, an incident or a unit, keyed by its id. */
export const OPS_TOPIC = {
  alert: "city.ops.alerts",
  incident: "city.ops.incidents",
  unit: "city.ops.units",
} as const;

export type TOpsEntityType = keyof typeof OPS_TOPIC;

const opsEvent = <TEntity extends z.ZodType>(entity: TEntity) =>
  z.object({
    /** The entity's id, also the message key: one entity's events stay in one partition, in order. */
    id: z.string(),
    /**
     * Increases with every change of this entity, in commit order (the outbox row's id). Delivery is at least
     * once: dedup on (id, seq). Not the entity's own `version`, which telemetry and escalation leave alone.
     */
    seq: z.number().int().positive(),
    /** What happened, as the audit log names it (e.g. "incident.status_changed", "unit.dispatched"). */
    type: z.string(),
    /** When the change was written (ISO 8601). */
    at: z.iso.datetime(),
    /** The entity after the change, as the API returns it. */
    entity,
  });

export const ZAlertOpsEvent = opsEvent(ZAlert);
export const ZIncidentOpsEvent = opsEvent(ZIncident);
export const ZUnitOpsEvent = opsEvent(ZResponderUnit);

export type TAlertOpsEvent = z.infer<typeof ZAlertOpsEvent>;
export type TIncidentOpsEvent = z.infer<typeof ZIncidentOpsEvent>;
export type TUnitOpsEvent = z.infer<typeof ZUnitOpsEvent>;
export type TOpsEvent = TAlertOpsEvent | TIncidentOpsEvent | TUnitOpsEvent;
