import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { toDeadLetter } from "./dead-letter-record";
import { buildEntityRegistry } from "./entity-registry";
import { isMqttTopicPattern, kafkaTopicOfDomain, MQTT_UNROUTABLE_TOPIC, mqttSubscriptionsOf, toRawMqttMessage } from "./mqtt-topic";
import { sanitizeText } from "./sanitize-text";
import { validateMessage } from "./validate-message";

const registry = buildEntityRegistry(TINY_CITY);
const AT = new Date("2026-12-03T10:00:00.000Z");

describe("MQTT topics", () => {
  it("takes patterns with exactly two `+` levels and no `#`", () => {
    for (const good of ["city/+/+", "+/+", "acme/sensors/+/x/+/data"]) expect(isMqttTopicPattern(good)).toBe(true);
    for (const bad of ["city/+", "city/#", "city/+/+/+", "city/a+/+/+", "$SYS/+/+", "city/+/#/+"])
      expect(isMqttTopicPattern(bad)).toBe(false);
  });

  it("subscribes once per domain, the domain level filled in", () => {
    expect(mqttSubscriptionsOf("acme/+/x/+")).toEqual([
      "acme/traffic/x/+",
      "acme/parking/x/+",
      "acme/waste/x/+",
      "acme/energy/x/+",
      "acme/units/x/+",
    ]);
  });

  it("maps a domain to today's Kafka topic of its layer", () => {
    expect(kafkaTopicOfDomain("waste")).toBe("city.waste");
    expect(kafkaTopicOfDomain("sewage")).toBeNull();
    expect(kafkaTopicOfDomain("__proto__")).toBeNull();
  });

  it("routes a declared domain's level to its own Kafka topic, and subscribes to it", () => {
    const declared = { "water-network": "city.water-network" };
    expect(mqttSubscriptionsOf("city/+/+", declared)).toContain("city/water-network/+");
    expect(kafkaTopicOfDomain("water-network", declared)).toBe("city.water-network");
    expect(kafkaTopicOfDomain("toString", declared)).toBeNull();
    expect(toRawMqttMessage("city/+/+", "city/water-network/wm-1", Buffer.from("{}"), "3", declared)).toMatchObject({
      topic: "city.water-network",
      key: "wm-1",
      origin: { kind: "mqtt", entityId: "wm-1" },
    });
    expect(toRawMqttMessage("city/+/+", "city/water-network/wm-1", Buffer.from("{}"), "3").origin?.problem).toMatch(/^unknown domain/);
  });

  it("reads the domain and the entity from the topic", () => {
    const raw = toRawMqttMessage("acme/+/x/+", "acme/waste/x/bin-1", Buffer.from("{}"), "9");
    expect(raw).toMatchObject({
      topic: "city.waste",
      key: "bin-1",
      offset: "9",
      origin: { kind: "mqtt", topic: "acme/waste/x/bin-1", entityId: "bin-1" },
    });
    expect(toRawMqttMessage("city/+/+", "city/sewage/p-1", Buffer.from("{}"), "1")).toMatchObject({
      topic: MQTT_UNROUTABLE_TOPIC,
      origin: { problem: expect.stringMatching(/^unknown domain/) },
    });
    expect(toRawMqttMessage("city/+/+", "other/waste/bin-1", Buffer.from("{}"), "1").origin?.problem).toMatch(/does not match/);
  });

  it("never throws on any topic and payload: accepted only for the entity and domain the topic names, else a dead letter under the topic", () => {
    const level = fc.oneof(
      fc.constantFrom("waste", "traffic", "bin-1", "seg-ab", "", "+", "#", "__proto__", "\u0000"),
      fc.string({ maxLength: 12 }),
    );
    const topic = fc.oneof(
      fc.tuple(level, level).map(([domain, entity]) => `city/${domain}/${entity}`),
      fc.array(level, { maxLength: 5 }).map((levels) => levels.join("/")),
    );
    const payload = fc.oneof(
      fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
      fc
        .record({ entityId: fc.option(level, { nil: undefined }), fillingLevel: fc.double() })
        .map((o) =>
          Buffer.from(
            JSON.stringify({ id: "x", observedAt: AT.toISOString(), type: "WasteContainer", status: "ok", temperature: 1, ...o }),
          ),
        ),
    );
    fc.assert(
      fc.property(topic, payload, (mqttTopic, bytes) => {
        const raw = toRawMqttMessage("city/+/+", mqttTopic, bytes, "0");
        const result = validateMessage(raw, registry, { now: AT.getTime(), maxFutureSkewMs: 300_000, maxAgeMs: 0 });
        if (result.ok) {
          expect(mqttTopic).toBe(`city/waste/${result.event?.entityId}`);
        } else {
          expect(toDeadLetter(raw, result.reason, AT)).toMatchObject({ topic: sanitizeText(mqttTopic, 255), sourceKind: "mqtt" });
        }
      }),
      { numRuns: 500 },
    );
  });
});
