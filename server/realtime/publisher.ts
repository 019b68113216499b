import type { TAlert } from "@/lib/contracts/alerts";
import type { TIncident } from "@/lib/contracts/incidents";
import type { TAssignmentNotice, TResponderUnit } from "@/lib/contracts/units";
import type { TRealtimeHub } from "./realtime-hub";

/** Pushes new alert / incident / unit state to the control room and crews. Called only after the change committed. */
export type TPublisher = {
  alert(alert: TAlert): void;
  incident(incident: TIncident): void;
  unit(unit: TResponderUnit): void;
  /** Tells a unit's crew (their user ids) that their assignment changed. */
  assignment(crewUserIds: readonly string[], notice: TAssignmentNotice): void;
};

export function hubPublisher(hub: Pick<TRealtimeHub, "publish" | "publishToUsers">): TPublisher {
  return {
    alert: (alert) => hub.publish("alert:upsert", alert),
    incident: (incident) => hub.publish("incident:upsert", incident),
    unit: (unit) => hub.publish("unit:upsert", unit),
    assignment: (crewUserIds, notice) => hub.publishToUsers(crewUserIds, "assignment:changed", notice),
  };
}
