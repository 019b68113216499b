import { Gauge, Histogram, type Registry } from "prom-client";
import type { TRealtimeHub, TRealtimeHubOptions } from "@/server/realtime/realtime-hub";

/** Made before the hub exists: the hub reports each flush through this (its `onFlush` option). */
export function createDeltaFlushMetric(registry: Registry): NonNullable<TRealtimeHubOptions["onFlush"]> {
  const histogram = new Histogram({
    name: "citynerve_delta_flush_duration_seconds",
    help: "Time to coalesce and send one round of city deltas to this instance's sockets.",
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [registry],
  });
  return (durationMs) => histogram.observe(durationMs / 1000);
}

export function registerSocketMetrics(registry: Registry, hub: Pick<TRealtimeHub, "clientCount">): void {
  new Gauge({
    name: "citynerve_socket_clients",
    help: "Browsers connected to this instance by socket.io.",
    registers: [registry],
    collect() {
      this.set(hub.clientCount());
    },
  });
}
