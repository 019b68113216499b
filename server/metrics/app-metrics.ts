import type { Registry } from "prom-client";
import type { TRealtimeHubOptions } from "@/server/realtime/realtime-hub";
import type { TRegisteredRuntime } from "@/server/runtime-registry";
import { registerAlertMetrics } from "./alert-metrics";
import { registerClusterMetrics } from "./cluster-metrics";
import { registerDatabasePoolMetrics } from "./database-metrics";
import { registerIngestMetrics } from "./ingest-metrics";
import { createMetricsRegistry } from "./metrics-registry";
import { registerMqttMetrics } from "./mqtt-metrics";
import { createDeltaFlushMetric, registerSocketMetrics } from "./realtime-metrics";

export type TAppMetrics = {
  /** What GET /metrics serves. */
  registry: Registry;
  /** The realtime hub's `onFlush`, needed before the runtime exists. */
  onDeltaFlush: NonNullable<TRealtimeHubOptions["onFlush"]>;
  /** From now on each scrape reads the live app's own state (nothing is counted twice on the data path). */
  watch(runtime: TRegisteredRuntime): void;
};

/** This instance's Prometheus metrics: process and event loop, ingest, sockets, alerts, database pool, cluster role. */
export function createAppMetrics(): TAppMetrics {
  const registry = createMetricsRegistry();
  return {
    registry,
    onDeltaFlush: createDeltaFlushMetric(registry),
    watch(runtime) {
      registerIngestMetrics(registry, runtime.city);
      registerSocketMetrics(registry, runtime.city.hub);
      registerAlertMetrics(registry, runtime.city.alerts);
      if (runtime.database.poolStats) registerDatabasePoolMetrics(registry, runtime.database.poolStats);
      registerClusterMetrics(registry, runtime);
      if (runtime.mqttStatus) registerMqttMetrics(registry, runtime.mqttStatus);
    },
  };
}
