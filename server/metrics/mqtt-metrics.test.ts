import { describe, expect, it } from "vitest";
import type { TMqttStatus } from "@/lib/contracts/realtime";
import { sampleValue } from "@/test/prometheus-sample";
import { createMetricsRegistry } from "./metrics-registry";
import { registerMqttMetrics } from "./mqtt-metrics";

describe("MQTT metrics", () => {
  it("show the edge's state and acknowledgements as they are at each scrape", async () => {
    let status: TMqttStatus = {
      role: "bridge",
      state: "connected",
      since: "2026-12-03T08:00:00.000Z",
      broker: "mqtt://127.0.0.1:1883",
      acknowledged: 7,
      unacknowledged: 0,
      lastError: null,
    };
    const registry = createMetricsRegistry();
    registerMqttMetrics(registry, () => status);

    let text = await registry.metrics();
    expect(sampleValue(text, "citynerve_mqtt_state", { role: "bridge", state: "connected" })).toBe(1);
    expect(sampleValue(text, "citynerve_mqtt_state", { role: "bridge", state: "unreachable" })).toBe(0);
    expect(sampleValue(text, "citynerve_mqtt_messages_total", { outcome: "acknowledged" })).toBe(7);

    status = { ...status, state: "unreachable", unacknowledged: 2 };
    text = await registry.metrics();
    expect(sampleValue(text, "citynerve_mqtt_state", { role: "bridge", state: "connected" })).toBe(0);
    expect(sampleValue(text, "citynerve_mqtt_state", { role: "bridge", state: "unreachable" })).toBe(1);
    expect(sampleValue(text, "citynerve_mqtt_messages_total", { outcome: "unacknowledged" })).toBe(2);
  });
});
