import { describe, expect, it } from "vitest";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { buildEntityRegistry } from "./entity-registry";
import { validateMessage } from "./validate-message";

const registry = buildEntityRegistry(TINY_CITY);
const event = {
  id: "e1",
  entityId: "bin-1",
  observedAt: "2026-11-24T08:00:00Z",
  type: "WasteContainer",
  fillingLevel: 0.4,
  status: "ok",
  temperature: 9,
};
const message = (value: unknown, topic = "city.waste") => ({
  topic,
  partition: 0,
  offset: "7",
  value: typeof value === "string" ? value : JSON.stringify(value),
});

describe("validateMessage of an MQTT publish", () => {
  const mqtt = (value: unknown, entityId = "bin-1", problem?: string) => ({
    ...message(value),
    origin: { kind: "mqtt" as const, topic: `city/waste/${entityId}`, entityId, problem },
  });

  it("accepts the entity its topic names, and gives it to a payload that names none", () => {
    expect(validateMessage(mqtt(event), registry)).toEqual({ ok: true, event });
    const { entityId: _, ...anonymous } = event;
    expect(validateMessage(mqtt(anonymous), registry)).toEqual({ ok: true, event });
  });

  it("refuses a payload naming another entity than its topic, and a topic that names no domain", () => {
    expect(validateMessage(mqtt(event, "bin-2"), registry)).toEqual({
      ok: false,
      reason: 'entity mismatch: the MQTT topic names "bin-2", the payload "bin-1"',
    });
    expect(validateMessage(mqtt(event, "bin-1", 'unknown domain in MQTT topic: "sewage"'), registry)).toMatchObject({
      ok: false,
      reason: /^unknown domain/,
    });
  });
});

describe("validateMessage", () => {
  it("accepts a valid event for a known entity on its topic", () => {
    const result = validateMessage(message(event), registry);
    expect(result).toEqual({ ok: true, event });
  });

  it.each([
    ["an empty message", message(""), /^empty message/],
    ["bad JSON", message('{"id": "e1", "entit'), /^invalid JSON/],
    ["a schema violation", message({ ...event, fillingLevel: 3 }), /^schema: fillingLevel/],
    ["an event on another domain's topic", message(event, "city.traffic"), /^wrong topic: WasteContainer belongs on city.waste/],
    ["an unknown entity", message({ ...event, entityId: "bin-999" }), /^unknown entity: no waste entity "bin-999"/],
    ["an entity of another layer", message({ ...event, entityId: "seg-ab" }), /^unknown entity/],
    [
      "a feeder reported as a substation",
      message(
        {
          id: "e",
          entityId: "feeder-1",
          observedAt: "2026-11-24T08:00:00Z",
          type: "EnergyMeasurement",
          assetKind: "substation",
          activePower: 1,
          capacity: 2,
          voltage: 3,
          frequency: 60,
        },
        "city.energy",
      ),
      /^assetKind mismatch/,
    ],
    ["an oversized message", message("x".repeat(70_000)), /^message too large/],
  ])("rejects %s with a reason", (_name, raw, reason) => {
    const result = validateMessage(raw, registry);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });

  describe("time sanity", () => {
    const now = Date.parse("2026-11-24T08:00:00Z");
    const window = { now, maxFutureSkewMs: 300_000, maxAgeMs: 7 * 86_400_000 };
    const at = (iso: string) => message({ ...event, observedAt: iso });

    it("accepts events within the skew ahead and the age behind", () => {
      expect(validateMessage(at("2026-11-24T08:05:00Z"), registry, window).ok).toBe(true);
      expect(validateMessage(at("2026-11-17T08:00:00Z"), registry, window).ok).toBe(true);
    });

    it("rejects an event further ahead than the skew, saying by how much", () => {
      const result = validateMessage(at("2026-11-24T08:05:01Z"), registry, window);
      expect(!result.ok && result.reason).toBe(
        "observedAt in the future: 2026-11-24T08:05:01Z is 301 s ahead of this server's clock (limit 300 s)",
      );
    });

    it("rejects an event older than the age limit, and none when the limit is 0", () => {
      const old = at("2026-11-17T07:59:59Z");
      const result = validateMessage(old, registry, window);
      expect(!result.ok && result.reason).toBe("observedAt too old: 2026-11-17T07:59:59Z is 604801 s old (limit 604800 s)");
      expect(validateMessage(old, registry, { ...window, maxAgeMs: 0 }).ok).toBe(true);
    });

    it("has no future limit at Infinity, and none at all without a window", () => {
      const far = at("2999-01-01T00:00:00+02:00");
      expect(validateMessage(far, registry, { ...window, maxFutureSkewMs: Infinity }).ok).toBe(true);
      expect(validateMessage(far, registry).ok).toBe(true);
    });
  });

  it("accepts a Buffer value as Kafka delivers it", () => {
    expect(validateMessage({ ...message(event), value: Buffer.from(JSON.stringify(event)) }, registry).ok).toBe(true);
  });
});
