import { describe, expect, it } from "vitest";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { classifyDeadLetterReason } from "./dead-letter-reason";
import { buildEntityRegistry } from "./entity-registry";
import { validateMessage } from "./validate-message";

const registry = buildEntityRegistry(TINY_CITY);
const NOW = Date.parse("2026-11-24T13:00:00Z");
const reasonOf = (topic: string, value: string | null) => {
  const result = validateMessage({ topic, partition: 0, offset: "0", value }, registry, {
    now: NOW,
    maxFutureSkewMs: 1000,
    maxAgeMs: 60_000,
  });
  if (result.ok) throw new Error("expected a rejection");
  return result.reason;
};
const bin = (fields: Record<string, unknown>) =>
  JSON.stringify({
    id: "e",
    entityId: "bin-1",
    observedAt: "2026-11-24T12:59:59Z",
    type: "WasteContainer",
    fillingLevel: 0.3,
    status: "ok",
    temperature: 9,
    ...fields,
  });

describe("classifyDeadLetterReason", () => {
  it("groups each reason validation gives", () => {
    expect(classifyDeadLetterReason(reasonOf("city.waste", null))).toBe("empty");
    expect(classifyDeadLetterReason(reasonOf("city.waste", "{"))).toBe("invalid_json");
    expect(classifyDeadLetterReason(reasonOf("city.waste", bin({ fillingLevel: "lots" })))).toBe("schema");
    expect(classifyDeadLetterReason(reasonOf("city.parking", bin({})))).toBe("wrong_topic");
    expect(classifyDeadLetterReason(reasonOf("city.waste", bin({ entityId: "bin-99" })))).toBe("unknown_entity");
    expect(classifyDeadLetterReason(reasonOf("city.waste", bin({ observedAt: "2026-11-24T14:00:00Z" })))).toBe("time");
    expect(classifyDeadLetterReason(reasonOf("city.waste", bin({ observedAt: "2026-11-23T14:00:00Z" })))).toBe("time");
    expect(classifyDeadLetterReason("failed while applying: boom")).toBe("apply_failed");
    expect(classifyDeadLetterReason("something new")).toBe("other");
  });
});
