import { describe, expect, it } from "vitest";
import type { TMqttStatus } from "@/lib/contracts/realtime";
import { formatClock } from "@/components/format/date-time";
import { describeMqttStatus } from "./describe-mqtt-status";

const base: TMqttStatus = {
  role: "bridge",
  state: "connected",
  since: "2026-12-03T08:00:00.000Z",
  broker: "mqtts://broker.city:8883",
  acknowledged: 1200,
  unacknowledged: 0,
  lastError: null,
};

describe("describeMqttStatus", () => {
  it("says what the edge does when all is well", () => {
    expect(describeMqttStatus(base)).toMatchObject({ headline: "MQTT connected", detail: "bridging to Kafka", isTrouble: false });
    expect(describeMqttStatus({ ...base, role: "source" }).detail).toBe("sensors over MQTT");
    expect(describeMqttStatus({ ...base, state: "standby" })).toMatchObject({
      headline: "MQTT bridge on standby",
      detail: "another instance bridges to Kafka",
      isTrouble: false,
    });
  });

  it("says since when the broker is unreachable, what waits for redelivery, and the last problem in the tooltip", () => {
    const text = describeMqttStatus({
      ...base,
      state: "unreachable",
      unacknowledged: 3,
      lastError: { message: "connect ECONNREFUSED", at: base.since },
    });
    expect(text.headline).toBe(`MQTT unreachable since ${formatClock(Date.parse(base.since))}`);
    expect(text.detail).toBe("bridging to Kafka · 3 left for redelivery");
    expect(text.isTrouble).toBe(true);
    expect(text.title).toContain("Broker mqtts://broker.city:8883");
    expect(text.title).toContain("connect ECONNREFUSED");
  });
});
