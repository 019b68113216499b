import { describe, expect, it } from "vitest";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { BUILTIN_DOMAINS } from "@/lib/domains/builtin-domains";
import { DEFAULT_RULES, parseBuiltinRules } from "./default-rules";
import { createRuleEngine } from "./rule-engine";
import { energy, every, feed, parking, waste } from "@/test/fixtures/test-events";

describe("default rules", () => {
  it("have unique ids and cover every sensor domain", () => {
    expect(new Set(DEFAULT_RULES.map((r) => r.id)).size).toBe(DEFAULT_RULES.length);
    expect(new Set(DEFAULT_RULES.map((r) => r.domain))).toEqual(new Set(["traffic", "parking", "waste", "energy"]));
  });

  it("rank a burning bin above an overloaded feeder above a full bin", () => {
    const severity = (id: string) => DEFAULT_RULES.find((r) => r.id === id)?.severity;
    expect([severity("waste.bin-burning"), severity("energy.feeder-overload"), severity("waste.bin-full")]).toEqual([
      "critical",
      "major",
      "warning",
    ]);
  });

  it("raise the alerts the product brief lists", () => {
    const engine = createRuleEngine({ rules: DEFAULT_RULES, entities: TINY_CITY });
    const signals = feed(engine, [
      ...every(0, 180, 10).map((s) => parking("parking-1", s, 3)),
      ...every(0, 120, 10).map((s) => waste("bin-1", s, { fillingLevel: 0.93 })),
      waste("bin-2", 0, {}),
      waste("bin-2", 10, { status: "burning", temperature: 180 }),
      ...every(0, 90, 10).map((s) => energy("feeder-1", s, { activePower: 2_850, voltage: 12_400 })),
    ]);
    const opened = signals.filter((s) => s.kind === "open").map((s) => `${s.ruleId} ${s.entityId}`);
    expect(opened.sort()).toEqual(
      [
        "energy.feeder-overload feeder-1",
        "energy.voltage-out-of-band feeder-1",
        "parking.lot-full parking-1",
        "waste.bin-burning bin-2",
        "waste.bin-full bin-1",
        "waste.temperature-spike bin-2",
      ].sort(),
    );
  });

  it("are the rules each built-in domain's file describes, in the files' order", () => {
    const fromFiles = Object.values(BUILTIN_DOMAINS).flatMap((d) => d.rules.map((r) => `${d.id}:${r.id}`));
    expect(DEFAULT_RULES.map((r) => `${r.domain}:${r.id}`)).toEqual(fromFiles);
    expect(DEFAULT_RULES.every((r) => r.enabled)).toBe(true);
  });

  it("refuse a bad rule in a file, naming the file and the field", () => {
    const lotFull = BUILTIN_DOMAINS.parking.rules.find((r) => r.id === "parking.lot-full")!;
    const params = lotFull.params as object;
    expect(() => parseBuiltinRules("parking", [{ ...lotFull, params: { ...params, metric: "fillingLevel" } }])).toThrow(
      /builtin\/parking\.json is invalid:\n {2}rules\.0\.params\.metric: metric fillingLevel does not belong to the parking domain/,
    );
    expect(() => parseBuiltinRules("parking", [lotFull, { ...lotFull, severity: "apocalyptic" }])).toThrow(
      /parking\.json is invalid:\n {2}rules\.1\.severity: /,
    );
    expect(parseBuiltinRules("parking", [{ ...lotFull, enabled: false }])[0]).toMatchObject({ domain: "parking", enabled: false });
  });
});
