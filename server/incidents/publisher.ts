import type { TAlert, TIncident } from "@/lib/contracts/incidents";
import type { TRealtimeHub } from "@/server/realtime/realtime-hub";

/** Pushes new alert / incident state to the control room. Called only after the change committed. */
export type TPublisher = { alert(alert: TAlert): void; incident(incident: TIncident): void };

export function hubPublisher(hub: Pick<TRealtimeHub, "publish">): TPublisher {
  return {
    alert: (alert) => hub.publish("alert:upsert", alert),
    incident: (incident) => hub.publish("incident:upsert", incident),
  };
}
