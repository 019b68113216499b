import { Counter, Gauge, type Registry } from "prom-client";
import { MQTT_STATES, type TMqttStatus } from "@/lib/contracts/realtime";

/** The MQTT edge's connection and acknowledgements, read from its status at each scrape. */
export function registerMqttMetrics(registry: Registry, status: () => TMqttStatus): void {
  new Gauge({
    name: "citynerve_mqtt_state",
    help: "1 for the MQTT edge's current state (connected, reconnecting, unreachable, connecting, standby), 0 for the others.",
    labelNames: ["role", "state"] as const,
    registers: [registry],
    collect() {
      const current = status();
      this.reset();
      for (const state of MQTT_STATES) this.set({ role: current.role, state }, current.state === state ? 1 : 0);
    },
  });
  new Counter({
    name: "citynerve_mqtt_messages_total",
    help: "MQTT messages by outcome: acknowledged (taken or dead-lettered), or left unacknowledged for the broker to redeliver.",
    labelNames: ["role", "outcome"] as const,
    registers: [registry],
    collect() {
      const current = status();
      this.reset();
      this.inc({ role: current.role, outcome: "acknowledged" }, current.acknowledged);
      this.inc({ role: current.role, outcome: "unacknowledged" }, current.unacknowledged);
    },
  });
}
