import { Gauge, type Registry } from "prom-client";
import type { TRegisteredRuntime } from "@/server/runtime-registry";

/** Read from providers the scale-out parts put on the runtime; a single process is the leader and has no outbox. */
export function registerClusterMetrics(registry: Registry, runtime: Pick<TRegisteredRuntime, "isLeader" | "outboxBacklog">): void {
  new Gauge({
    name: "citynerve_leader",
    help: "1 while this instance holds the leader lease and runs the once-per-city jobs, else 0.",
    registers: [registry],
    collect() {
      this.set((runtime.isLeader?.() ?? true) ? 1 : 0);
    },
  });
  new Gauge({
    name: "citynerve_outbox_backlog",
    help: "Operational events written to the outbox and not yet published to Kafka.",
    registers: [registry],
    collect() {
      this.set(runtime.outboxBacklog?.() ?? 0);
    },
  });
}
