import { describe, expect, it } from "vitest";
import { ZAlertSignal, type TAlertSignal } from "@/lib/contracts/rules";
import { ZCityEvent } from "@/lib/contracts/events";
import { CitySimulator } from "@/server/ingest/simulator/city-simulator";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { DEFAULT_RULES } from "./default-rules";
import { createRuleEngine } from "./rule-engine";

const START_MS = Date.parse("2026-11-24T11:00:00Z"); // 06:00 in Three Rivers, through the morning rush
const STEP_MS = 1000;
const HOUR_MS = 3_600_000;
// parking-1 drops off the network for 20 minutes.
const OUTAGE = { from: START_MS + 2 * HOUR_MS, to: START_MS + 2 * HOUR_MS + 20 * 60_000 };

/** The simulator's messages, through the same parsing as ingest, into the engine; ticks once a simulated second. */
function runCity(seed: number, hours: number): TAlertSignal[] {
  const simulator = new CitySimulator(TINY_CITY, { seed, ratePerSecond: 20 });
  const engine = createRuleEngine({ rules: DEFAULT_RULES, entities: TINY_CITY });
  const signals: TAlertSignal[] = [];
  for (let now = START_MS + STEP_MS; now <= START_MS + hours * HOUR_MS; now += STEP_MS) {
    for (const message of simulator.step(now, STEP_MS)) {
      const event = ZCityEvent.parse(JSON.parse(message.value));
      if (event.entityId === "parking-1" && now >= OUTAGE.from && now < OUTAGE.to) continue;
      signals.push(...engine.evaluate(event));
    }
    signals.push(...engine.tick(now));
  }
  return signals;
}

describe("rule engine over the simulated tiny city", () => {
  const signals = runCity(42, 4);

  it("raises alerts from the simulated jams and overloads, and for the sensor outage", () => {
    const opened = new Set(signals.filter((s) => s.kind === "open").map((s) => s.ruleId));
    expect(opened).toContain("traffic.slow-segment");
    expect(opened).toContain("traffic.jam-spread");
    expect(opened).toContain("energy.feeder-overload");
    expect(signals.filter((s) => s.ruleId === "parking.sensor-silent").map((s) => s.kind)).toEqual(["open", "clear"]);
    for (const signal of signals) ZAlertSignal.parse(signal);
  });

  it("never holds two episodes of one rule and entity at once", () => {
    const openKey = new Map<string, string>();
    const seenKeys = new Set<string>();
    for (const signal of signals) {
      const pair = `${signal.ruleId}|${signal.entityId}`;
      if (signal.kind === "open") {
        expect(openKey.has(pair), `${pair} opened twice at ${signal.at}`).toBe(false);
        expect(seenKeys.has(signal.dedupKey)).toBe(false);
        openKey.set(pair, signal.dedupKey);
        seenKeys.add(signal.dedupKey);
      } else {
        expect(openKey.get(pair), `${signal.kind} of ${pair} at ${signal.at} without an open alert`).toBe(signal.dedupKey);
        if (signal.kind === "clear") openKey.delete(pair);
      }
    }
  });

  it("is deterministic", () => {
    const firstHour = signals.filter((s) => Date.parse(s.at) <= START_MS + HOUR_MS);
    expect(runCity(42, 1).filter((s) => Date.parse(s.at) <= START_MS + HOUR_MS)).toEqual(firstHour);
    expect(firstHour.length).toBeGreaterThan(0);
  });
});
