import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { createRuleEngine } from "../rule-engine";
import { energy, every, feed, isoAt, rule } from "@/test/fixtures/test-events";

// feeder-1 runs at its substation's 13,200 V.
const VOLTAGE = rule({
  id: "energy.voltage",
  domain: "energy",
  kind: "outOfBand",
  params: { metric: "voltageShare", min: 0.95, max: 1.05, clearMargin: 0.01 },
  sustainSeconds: 30,
  clearSustainSeconds: 60,
});
const FREQUENCY = rule({
  id: "energy.frequency",
  domain: "energy",
  kind: "outOfBand",
  params: { metric: "frequency", min: 59.8, max: 60.2, clearMargin: 0.05 },
  sustainSeconds: 0,
  clearSustainSeconds: 0,
});
const NARROW_FREQUENCY = rule({ ...FREQUENCY, params: { metric: "frequency", min: 59.99, max: 60.01, clearMargin: 0.001 } });
const volts = (seconds: number[], voltage: number) => seconds.map((s) => energy("feeder-1", s, { voltage }));

describe("outOfBand rule", () => {
  it("opens on a sustained sag, holds near the edge of the band and clears well inside it", () => {
    const engine = createRuleEngine({ rules: [VOLTAGE], entities: TINY_CITY });
    expect(feed(engine, volts(every(0, 20, 10), 12_400))).toEqual([]);
    expect(feed(engine, volts([30], 12_400))).toMatchObject([
      { kind: "open", at: isoAt(30), message: "Voltage 12,400 V is 93.9 % of nominal (13,200 V), outside 95.0 % – 105.0 % for 30 s" },
    ]);
    expect(feed(engine, volts(every(40, 400, 10), 12_560))).toEqual([]); // 95.2 %: inside, but within the clear margin
    expect(feed(engine, volts(every(410, 460, 10), 13_200))).toEqual([]);
    expect(feed(engine, volts([470], 13_200))).toMatchObject([{ kind: "clear", at: isoAt(470) }]);
  });

  it("keeps the excursion farthest outside the band as the worst value, on either side", () => {
    const engine = createRuleEngine({ rules: [FREQUENCY], entities: TINY_CITY });
    const signals = feed(
      engine,
      [60.3, 59.5, 60.25].map((frequency, i) => energy("sub-1", i * 10, { assetKind: "substation", capacity: 10_000, frequency })),
    );
    expect(signals.map((s) => [s.kind, s.worstValue])).toEqual([
      ["open", 60.3],
      ["update", 59.5],
    ]);
  });
});

describe("outOfBand wording", () => {
  it("never writes a value outside the band with the same digits as the limit it crossed (property)", () => {
    // Up to three extra decimals: a reading a ten-thousandth of a hertz past the limit is told apart.
    const reading = fc
      .double({ min: 59.9, max: 60.1, noNaN: true })
      .filter((f) => Math.abs(f - 59.99) > 1e-4 && Math.abs(f - 60.01) > 1e-4);
    fc.assert(
      fc.property(reading, (frequency) => {
        const engine = createRuleEngine({ rules: [NARROW_FREQUENCY], entities: TINY_CITY });
        const [signal] = feed(engine, [energy("feeder-1", 0, { frequency })]);
        if (frequency >= 59.99 && frequency <= 60.01) return signal === undefined;
        const [, shown, low, high] = /Frequency ([\d.]+) Hz, outside ([\d.]+) Hz – ([\d.]+) Hz/.exec(signal!.message)!;
        return shown !== (frequency < 59.99 ? low : high);
      }),
    );
  });
});
