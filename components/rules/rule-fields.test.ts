import { describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "@/server/rule-engine/default-rules";
import { fromInput, numberFieldsOf, toInput } from "./rule-fields";

describe("rule number fields", () => {
  it("shows shares as percentages and round-trips them without float noise", () => {
    const rule = DEFAULT_RULES.find((r) => r.id === "parking.lot-full")!;
    const [open, clear] = numberFieldsOf(rule);
    expect(open).toMatchObject({ key: "openAbove", unit: "% occupied", isShare: true });
    expect(toInput(0.95, open)).toBe("95");
    expect(fromInput("95", open)).toBe(0.95);
    expect(fromInput("57", clear)).toBe(0.57);
  });

  it("keeps seconds and physical units as stored, and refuses blanks", () => {
    const stale = numberFieldsOf(DEFAULT_RULES.find((r) => r.id === "parking.sensor-silent")!);
    expect(stale).toEqual([{ key: "staleSeconds", label: "Silent for", unit: "s", isShare: false, step: 1 }]);
    expect(fromInput("", stale[0])).toBeNull();
    expect(fromInput("abc", stale[0])).toBeNull();
    const frequency = numberFieldsOf(DEFAULT_RULES.find((r) => r.id === "energy.frequency-out-of-band")!);
    expect(frequency.map((f) => f.unit)).toEqual(["Hz", "Hz", "Hz"]);
  });

  it("offers every numeric param of every built-in rule", () => {
    for (const rule of DEFAULT_RULES) {
      const numeric = Object.values(rule.params).filter((v) => typeof v === "number").length;
      expect(numberFieldsOf(rule), rule.id).toHaveLength(numeric);
    }
  });
});
