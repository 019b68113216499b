import { describe, expect, it } from "vitest";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { UPDATE_HEARTBEAT_MS, UPDATE_MIN_INTERVAL_MS } from "./episode";
import { createRuleEngine } from "./rule-engine";
import { energy, every, feed, isoAt, kinds, msAt, rule, traffic } from "@/test/fixtures/test-events";

// seg-ab has a free flow of 50 km/h: 12 km/h is 24 %, 22 km/h 44 % (hysteresis band), 30 km/h 60 %.
const SLOW = rule({
  id: "traffic.slow",
  domain: "traffic",
  kind: "threshold",
  params: { metric: "speedShare", openBelow: 0.4, clearAbove: 0.55 },
  sustainSeconds: 120,
  clearSustainSeconds: 120,
});
const engineWith = (...rules: Parameters<typeof createRuleEngine>[0]["rules"]) => createRuleEngine({ rules, entities: TINY_CITY });
const ab = (seconds: number[], speed: number) => seconds.map((s) => traffic("seg-ab", s, speed));

describe("rule engine: threshold, sustain and clear", () => {
  it("opens only once the condition held for sustainSeconds, in event time", () => {
    const engine = engineWith(SLOW);
    expect(feed(engine, ab(every(0, 110, 10), 12))).toEqual([]);
    const [open, ...rest] = feed(engine, ab([120], 12));
    expect(rest).toEqual([]);
    expect(open).toMatchObject({
      kind: "open",
      ruleId: "traffic.slow",
      entityId: "seg-ab",
      domain: "traffic",
      severity: "major",
      at: isoAt(120),
      startedAt: isoAt(0),
      value: 0.24,
      worstValue: 0.24,
      count: 13,
      message: "Speed 12 km/h is 24 % of free flow (50 km/h) for 2 min",
      dedupKey: `traffic.slow:seg-ab:${isoAt(0)}`,
    });
  });

  it("restarts the sustain when the condition breaks, even inside the hysteresis band", () => {
    const engine = engineWith(SLOW);
    const signals = feed(engine, [...ab(every(0, 100, 10), 12), ...ab([110], 22), ...ab(every(120, 230, 10), 12)]);
    expect(signals).toEqual([]);
    expect(feed(engine, ab([240], 12))).toMatchObject([{ kind: "open", startedAt: isoAt(120), at: isoAt(240) }]);
  });

  it("opens from tick when the sensor goes quiet after reporting the condition", () => {
    const engine = engineWith(SLOW);
    feed(engine, ab([0, 30], 12));
    expect(engine.tick(msAt(119))).toEqual([]);
    expect(engine.tick(msAt(125))).toMatchObject([{ kind: "open", at: isoAt(120), count: 2 }]);
    expect(engine.tick(msAt(126))).toEqual([]);
  });

  it("clears only after the clear condition held for clearSustainSeconds, from events or tick", () => {
    const engine = engineWith(SLOW);
    feed(engine, ab(every(0, 120, 10), 12));
    expect(feed(engine, ab(every(130, 240, 10), 40))).toEqual([]);
    expect(feed(engine, ab([250], 40))).toMatchObject([
      {
        kind: "clear",
        at: isoAt(250),
        startedAt: isoAt(0),
        worstValue: 0.24,
        message: "Cleared after 4 min: Speed 40 km/h is 80 % of free flow (50 km/h)",
      },
    ]);

    const quiet = engineWith(SLOW);
    feed(quiet, [...ab(every(0, 120, 10), 12), ...ab([130], 40)]);
    expect(quiet.tick(msAt(249))).toEqual([]);
    expect(quiet.tick(msAt(300))).toMatchObject([{ kind: "clear", at: isoAt(250) }]);
    expect(quiet.activeEpisodes()).toEqual([]);
  });

  it("does not flap while a value hovers around the open or the clear threshold", () => {
    const engine = engineWith(SLOW);
    const hoverAtOpen = every(130, 730, 5).map((s, i) => traffic("seg-ab", s, [19, 22, 26, 21, 24][i % 5]));
    const hoverAtClear = every(735, 1335, 30).map((s, i) => traffic("seg-ab", s, i % 2 ? 26 : 28.5));
    const signals = feed(engine, [...ab(every(0, 120, 10), 12), ...hoverAtOpen, ...hoverAtClear, ...ab(every(1340, 1460, 10), 28.5)]);
    expect(kinds(signals).filter((k) => k !== "update")).toEqual(["open", "clear"]);
    // The last hover reading (1335 s) was already above the clear threshold.
    expect(signals.at(-1)).toMatchObject({ kind: "clear", at: isoAt(1455) });
  });

  it("opens once and stays open for a value flipping across both thresholds every second", () => {
    const engine = engineWith({ ...SLOW, sustainSeconds: 0, clearSustainSeconds: 60 });
    const signals = feed(
      engine,
      every(0, 600, 1).map((s) => traffic("seg-ab", s, s % 2 ? 30 : 12)),
    );
    expect(kinds(signals).filter((k) => k !== "update")).toEqual(["open"]);
  });
});

describe("rule engine: updates", () => {
  it("turns repeated triggers into one open and throttled updates carrying count and the worst value", () => {
    const engine = engineWith({ ...SLOW, sustainSeconds: 0 });
    const worsening = every(0, 299, 1).map((s) => traffic("seg-ab", s, 19 - s * 0.05));
    const signals = feed(engine, worsening);
    expect(kinds(signals).filter((k) => k === "open")).toHaveLength(1);
    const updates = signals.filter((s) => s.kind === "update");
    expect(updates.length).toBeGreaterThan(10);
    for (let i = 1; i < signals.length; i++)
      expect(Date.parse(signals[i].at) - Date.parse(signals[i - 1].at)).toBeGreaterThanOrEqual(UPDATE_MIN_INTERVAL_MS);
    const last = updates.at(-1)!;
    const secondsIn = (Date.parse(last.at) - msAt(0)) / 1000;
    expect(last).toMatchObject({ count: secondsIn + 1, lastSeenAt: last.at });
    expect(last.worstValue).toBeCloseTo((19 - secondsIn * 0.05) / 50, 6);
  });

  it("only sends a heartbeat update while the worst value stands", () => {
    const engine = engineWith({ ...SLOW, sustainSeconds: 0 });
    const signals = feed(engine, ab(every(0, 299, 1), 12));
    expect(kinds(signals)).toEqual(["open", "update", "update", "update", "update"]);
    expect(signals.map((s) => (Date.parse(s.at) - msAt(0)) % UPDATE_HEARTBEAT_MS)).toEqual([0, 0, 0, 0, 0]);
    expect(signals.at(-1)).toMatchObject({ count: 241, worstValue: 0.24, dedupKey: signals[0].dedupKey });
  });
});

describe("rule engine: redelivery and replay", () => {
  const jamThenRecovery = [...ab(every(0, 300, 10), 12), ...ab(every(310, 600, 10), 45)];

  it("ignores a second delivery of the same events", () => {
    const engine = engineWith(SLOW);
    const first = feed(engine, jamThenRecovery);
    expect(kinds(first).filter((k) => k !== "update")).toEqual(["open", "clear"]);
    expect(feed(engine, jamThenRecovery)).toEqual([]);
    expect(engine.evaluate(traffic("seg-ab", 600, 12))).toEqual([]);
  });

  it("gives the same signals and dedup keys when the events are replayed into a fresh engine", () => {
    expect(feed(engineWith(SLOW), jamThenRecovery)).toEqual(feed(engineWith(SLOW), jamThenRecovery));
  });

  it("ignores a late event older than what the entity already reported", () => {
    const engine = engineWith({ ...SLOW, sustainSeconds: 0 });
    feed(engine, ab([100], 45));
    expect(engine.evaluate(traffic("seg-ab", 50, 12))).toEqual([]);
    expect(engine.activeEpisodes()).toEqual([]);
  });
});

describe("rule engine: rules at runtime", () => {
  it("applies a changed threshold to the next event", () => {
    const engine = engineWith({ ...SLOW, sustainSeconds: 0 });
    expect(feed(engine, ab([0], 22))).toEqual([]);
    expect(engine.setRules([{ ...SLOW, sustainSeconds: 0, params: { metric: "speedShare", openBelow: 0.5, clearAbove: 0.6 } }])).toEqual(
      [],
    );
    expect(feed(engine, ab([10], 22))).toMatchObject([{ kind: "open", value: 0.44 }]);
  });

  it("keeps open alerts of rules that keep their id, with the new severity on later signals", () => {
    const engine = engineWith(SLOW);
    feed(engine, ab(every(0, 120, 10), 12));
    expect(engine.setRules([{ ...SLOW, severity: "critical", clearSustainSeconds: 0 }])).toEqual([]);
    expect(feed(engine, ab([130], 40))).toMatchObject([
      { kind: "clear", severity: "critical", dedupKey: `traffic.slow:seg-ab:${isoAt(0)}` },
    ]);
  });

  it("clears the open alerts of a rule that is removed or disabled", () => {
    const engine = engineWith(SLOW);
    feed(engine, ab(every(0, 120, 10), 12));
    expect(engine.setRules([{ ...SLOW, enabled: false }])).toMatchObject([
      { kind: "clear", at: isoAt(120), message: "Cleared after 2 min: Rule disabled, removed or redefined" },
    ]);
    expect(engine.activeEpisodes()).toEqual([]);
    expect(feed(engine, ab([130], 12))).toEqual([]);
  });

  it("rejects two rules with one id", () => {
    expect(() => engineWith(SLOW, SLOW)).toThrow(/Duplicate alert rule id/);
  });
});

describe("rule engine: routing", () => {
  it("lists pending and open episodes", () => {
    const engine = engineWith(SLOW);
    feed(engine, [...ab(every(0, 120, 10), 12), traffic("seg-bc", 120, 10)]);
    expect(engine.activeEpisodes().map((e) => [e.entityId, e.phase, e.count])).toEqual([
      ["seg-ab", "open", 13],
      ["seg-bc", "pending", 1],
    ]);
  });

  it("sends energy events only to rules of their asset kind", () => {
    const overload = rule({
      id: "feeder.overload",
      domain: "energy",
      assetKind: "feeder",
      kind: "threshold",
      params: { metric: "loadShare", openAbove: 0.9, clearBelow: 0.85 },
      sustainSeconds: 0,
      clearSustainSeconds: 0,
    });
    const engine = engineWith(overload);
    expect(feed(engine, [energy("sub-1", 0, { assetKind: "substation", activePower: 9_800, capacity: 10_000 })])).toEqual([]);
    expect(feed(engine, [energy("feeder-1", 0, { activePower: 2_900 })])).toMatchObject([
      { kind: "open", entityId: "feeder-1", message: "Load 2,900 kW is 97 % of capacity (3,000 kW)" },
    ]);
  });
});
