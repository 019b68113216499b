import { collectDefaultMetrics, Registry } from "prom-client";
import { INSTANCE_ID } from "@/server/cluster/instance-id";

/**
 * A registry per app rather than prom-client's global one: tests start several apps in one process.
 * Every series carries `instance_id` — not `instance`, which Prometheus sets itself to the scraped address.
 */
export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ instance_id: INSTANCE_ID });
  // Process CPU, memory, handles, GC and event-loop lag (nodejs_eventloop_lag_seconds and its percentiles).
  collectDefaultMetrics({ register: registry });
  return registry;
}
