import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deadLetterFiltersToSearch, deadLettersApiUrl, parseDeadLetterFilters } from "./dead-letter-filters";
import { describeSource } from "./dead-letter-labels";

describe("dead-letter filters in the URL", () => {
  it("keeps what the API accepts and drops the rest", () => {
    expect(parseDeadLetterFilters(new URLSearchParams("reason=schema&source=city.waste&status=handled"))).toEqual({
      reason: "schema",
      source: "city.waste",
      status: "handled",
    });
    expect(parseDeadLetterFilters({ reason: "bogus", status: "open", source: "  " })).toEqual({});
    expect(deadLetterFiltersToSearch({ status: "all", reason: "time" })).toBe("reason=time&status=all");
    expect(deadLettersApiUrl({ source: "city/waste/bin 1" }, "abc", 25)).toBe(
      "/api/dead-letters?source=city%2Fwaste%2Fbin+1&cursor=abc&limit=25",
    );
  });

  it("reads back the same filters it wrote, whatever the URL held", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom("reason", "source", "status", "other"), fc.string({ maxLength: 300 })), (params) => {
        const filters = parseDeadLetterFilters(params);
        expect(parseDeadLetterFilters(new URLSearchParams(deadLetterFiltersToSearch(filters)))).toEqual(filters);
      }),
    );
  });
});

describe("describeSource", () => {
  it("names a Kafka record by topic, partition and offset, and an MQTT or simulated message by topic only", () => {
    expect(describeSource({ kind: "kafka", topic: "city.waste", partition: 2, offset: "1041" })).toBe(
      "Kafka city.waste · partition 2 · offset 1041",
    );
    expect(describeSource({ kind: "mqtt", topic: "city/waste/bin-7", partition: null, offset: null })).toBe("MQTT city/waste/bin-7");
    expect(describeSource({ kind: "simulator", topic: "city.units", partition: 0, offset: "5" })).toBe("Simulator city.units");
    expect(describeSource({ kind: null, topic: "city.units", partition: 0, offset: "5" })).toBe("city.units");
  });
});
