import { describe, expect, it } from "vitest";
import type { TAlertSignal } from "@/lib/contracts/rules";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { energy, every, feed, parking, rule, traffic, waste } from "@/test/fixtures/test-events";
import { DEFAULT_RULES } from "./default-rules";
import { DescribedReading } from "./evaluators/types";
import { createRuleEngine } from "./rule-engine";
import { applyRuleReadings, type TRuleEpisodes } from "./rule-episodes";

/**
 * Readings write their detail only when an alert shows it (evaluators/types.ts DescribedReading). The messages
 * below are what the engine wrote when every reading formatted its detail at once (taken from that version).
 */
describe("an alert's detail, written only when it is shown", () => {
  it("reads as it did when every reading wrote its own, for every metric", () => {
    const rules = DEFAULT_RULES.map((r) => ({ ...r, sustainSeconds: 0, clearSustainSeconds: 0 }));
    const engine = createRuleEngine({ rules, entities: TINY_CITY });
    const events = every(0, 600, 30).flatMap((s, i) => {
      const bad = i % 8 < 4;
      return [
        traffic("seg-ab", s, bad ? 11.5 : 48),
        parking("parking-1", s, bad ? 3 : 40),
        waste("bin-1", s, {
          fillingLevel: bad ? 0.934 : 0.2,
          temperature: bad ? 10 + i * 7.3 : 10,
          status: i % 3 === 0 ? "lidOpen" : "ok",
        }),
        energy("feeder-1", s, { activePower: bad ? 2_901.25 : 1_000, voltage: bad ? 12_539.4 : 13_200, frequency: bad ? 59.7951 : 60.001 }),
      ];
    });
    const first = new Map<string, TAlertSignal>();
    for (const signal of feed(engine, events))
      if (!first.has(`${signal.ruleId} ${signal.kind}`)) first.set(`${signal.ruleId} ${signal.kind}`, signal);
    const message = (ruleId: string, kind: TAlertSignal["kind"]) => first.get(`${ruleId} ${kind}`)?.message;

    expect(message("traffic.slow-segment", "open")).toBe("Speed 11.5 km/h is 23 % of free flow (50 km/h)");
    expect(message("traffic.slow-segment", "update")).toBe("Speed 11.5 km/h is 23 % of free flow (50 km/h) for 1 min");
    expect(message("traffic.slow-segment", "clear")).toBe("Cleared after 2 min: Speed 48 km/h is 96 % of free flow (50 km/h)");
    expect(message("parking.lot-full", "open")).toBe("Occupancy 98 % (3 of 120 spaces free)");
    expect(message("parking.lot-full", "clear")).toBe("Cleared after 2 min: Occupancy 67 % (40 of 120 spaces free)");
    expect(message("waste.bin-full", "open")).toBe("Fill level 93 %");
    expect(message("waste.lid-open", "update")).toBe("Bin status lidOpen for 30 s");
    expect(message("waste.temperature-spike", "open")).toBe("Temperature 68.4 °C, up 58.4 °C from 10.0 °C 30 s earlier");
    expect(message("waste.temperature-spike", "update")).toBe("Temperature 75.7 °C, up 65.7 °C from 10.0 °C 1 min earlier for 30 s");
    expect(message("waste.temperature-spike", "clear")).toBe(
      "Cleared after 2 min: Temperature 10.0 °C, up 0.0 °C from 10.0 °C 3 min earlier",
    );
    expect(message("energy.feeder-overload", "open")).toBe("Load 2,901.3 kW is 97 % of capacity (3,000 kW)");
    expect(message("energy.voltage-out-of-band", "open")).toBe(
      "Voltage 12,539.4 V is 94.995 % of nominal (13,200 V), outside 95.000 % – 105.000 %",
    );
    expect(message("energy.voltage-out-of-band", "clear")).toBe(
      "Cleared after 2 min: Voltage 13,200 V is 100.0 % of nominal (13,200 V), within 95.0 % – 105.0 %",
    );
    expect(message("energy.frequency-out-of-band", "open")).toBe("Frequency 59.795 Hz, outside 59.800 Hz – 60.200 Hz");
    expect(message("energy.frequency-out-of-band", "clear")).toBe("Cleared after 2 min: Frequency 60.00 Hz, within 59.80 Hz – 60.20 Hz");
    expect(first.get("traffic.slow-segment open")?.dedupKey).toBe("traffic.slow-segment:seg-ab:2026-11-24T13:00:00.000Z");
  });

  it("is written for the readings that open, update or clear an alert, and for no other", () => {
    const entry: TRuleEpisodes = {
      rule: rule({
        id: "lot.full",
        domain: "parking",
        kind: "threshold",
        params: { metric: "occupancy", openAbove: 0.95, clearBelow: 0.9 },
        sustainSeconds: 0,
        clearSustainSeconds: 0,
      }),
      episodes: new Map(),
      flapHistory: new Map(),
    };
    const written: string[] = [];
    const reading = (state: "trigger" | "clear" | "hold", seconds: number) =>
      new DescribedReading("parking-1", state, seconds * 1000, 0.5, 0.5, () => {
        written.push(`${state} at ${seconds}`);
        return `${state} at ${seconds}`;
      });
    const signals: TAlertSignal[] = [];
    applyRuleReadings(entry, [reading("clear", 0), reading("hold", 1), reading("clear", 2)], signals);
    expect(written).toEqual([]);
    applyRuleReadings(entry, [reading("trigger", 3), reading("hold", 4), reading("clear", 5), reading("clear", 6)], signals);
    expect(signals.map((s) => [s.kind, s.message])).toEqual([
      ["open", "trigger at 3"],
      ["clear", "Cleared after 2 s: clear at 5"],
    ]);
    expect(written).toEqual(["trigger at 3", "clear at 5"]);
  });
});
