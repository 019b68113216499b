import { describe, expect, it } from "vitest";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { createRuleEngine } from "../rule-engine";
import { every, feed, isoAt, kinds, msAt, rule, traffic } from "@/test/fixtures/test-events";

/*
 * The tiny city: Main St A→B→C (seg-ab, seg-bc), Side St D→B (seg-db), Loop Rd C→A (seg-ca).
 * ab, bc and db meet at B; ca touches ab at A and bc at C; db and ca share no node.
 * Free flow: 50 km/h on Main St, 40 on Side St, 60 on Loop Rd.
 */
const SPREAD = rule({
  id: "traffic.spread",
  domain: "traffic",
  kind: "jamSpread",
  params: { minSegments: 3, congestedBelow: 0.5, clearAbove: 0.6 },
  sustainSeconds: 60,
  clearSustainSeconds: 60,
});
const JAMMED_KMH: Record<string, number> = { "seg-ab": 10, "seg-bc": 10, "seg-db": 8, "seg-ca": 12 };
const FLOWING_KMH: Record<string, number> = { "seg-ab": 45, "seg-bc": 45, "seg-db": 36, "seg-ca": 55 };
const report = (seconds: number[], speeds: Record<string, number>, segments: string[]) =>
  seconds.flatMap((s) => segments.map((id) => traffic(id, s, speeds[id])));

describe("jamSpread rule", () => {
  it("opens when enough connected segments are congested for the sustain time, anchored on the first one", () => {
    const engine = createRuleEngine({ rules: [SPREAD], entities: TINY_CITY });
    expect(feed(engine, report(every(0, 120, 10), JAMMED_KMH, ["seg-ab", "seg-bc"]))).toEqual([]);
    expect(feed(engine, report(every(130, 180, 10), JAMMED_KMH, ["seg-ab", "seg-bc", "seg-db"]))).toEqual([]);
    expect(feed(engine, report([190], JAMMED_KMH, ["seg-ab", "seg-bc", "seg-db"]))).toMatchObject([
      {
        kind: "open",
        entityId: "seg-ab",
        at: isoAt(190),
        value: 3,
        relatedEntityIds: ["seg-ab", "seg-bc", "seg-db"],
        message: "3 connected segments under 50 % of free flow (Main St, Side St) for 1 min",
      },
    ]);
  });

  it("keeps one alert while the jam moves off the segment it started on, and clears when it dissolves", () => {
    const engine = createRuleEngine({ rules: [SPREAD], entities: TINY_CITY });
    feed(engine, report(every(0, 60, 10), JAMMED_KMH, ["seg-ab", "seg-bc", "seg-db"]));
    const moved = feed(engine, [
      ...report(every(70, 80, 10), { ...JAMMED_KMH, "seg-ab": 45 }, ["seg-ab", "seg-bc", "seg-db"]),
      ...report(every(90, 300, 10), { ...JAMMED_KMH, "seg-ab": 45 }, ["seg-ab", "seg-bc", "seg-db", "seg-ca"]),
    ]);
    expect(kinds(moved).filter((k) => k !== "update")).toEqual([]);
    expect(engine.activeEpisodes()).toMatchObject([
      { entityId: "seg-ab", phase: "open", relatedEntityIds: ["seg-bc", "seg-ca", "seg-db"].sort() },
    ]);

    const dissolved = feed(engine, report(every(310, 380, 10), FLOWING_KMH, ["seg-ab", "seg-bc", "seg-db", "seg-ca"]));
    expect(dissolved).toMatchObject([{ kind: "clear", entityId: "seg-ab", at: isoAt(370), message: "Cleared after 6 min: Jam dissolved" }]);
  });

  it("counts a segment as congested until it is clearly flowing again", () => {
    const engine = createRuleEngine({ rules: [{ ...SPREAD, sustainSeconds: 0 }], entities: TINY_CITY });
    feed(engine, report([0], JAMMED_KMH, ["seg-ab", "seg-bc"]));
    // 27 km/h on Main St is 54 %: no longer congested enough to start, not free enough to stop counting.
    expect(feed(engine, report([10], { ...JAMMED_KMH, "seg-ab": 27, "seg-bc": 27 }, ["seg-ab", "seg-bc"]))).toEqual([]);
    expect(feed(engine, report([20], JAMMED_KMH, ["seg-db"]))).toMatchObject([{ kind: "open", value: 3 }]);
  });

  it("does not add up congested segments that are not connected", () => {
    const engine = createRuleEngine({
      rules: [{ ...SPREAD, sustainSeconds: 0, params: { ...SPREAD.params, minSegments: 2 } }],
      entities: TINY_CITY,
    });
    expect(feed(engine, report(every(0, 120, 10), JAMMED_KMH, ["seg-db", "seg-ca"]))).toEqual([]);
    expect(feed(engine, report([130], JAMMED_KMH, ["seg-ab"]))).toMatchObject([{ kind: "open", value: 3 }]);
  });

  it("carries a restored jam on, whichever segment reports first after a restart, and clears it once", () => {
    const before = createRuleEngine({ rules: [SPREAD], entities: TINY_CITY });
    const [open] = feed(before, report(every(0, 60, 10), JAMMED_KMH, ["seg-ab", "seg-bc", "seg-db"]));
    const [stored] = before.activeEpisodes();
    for (const first of ["seg-db", "seg-bc"]) {
      const engine = createRuleEngine({ rules: [SPREAD], entities: TINY_CITY });
      expect(engine.restoreEpisodes([stored], msAt(100))).toEqual([]);
      const jammed = feed(
        engine,
        report(every(110, 300, 10), JAMMED_KMH, [first, ...["seg-ab", "seg-bc", "seg-db"].filter((s) => s !== first)]),
      );
      expect(jammed.length).toBeGreaterThan(0);
      expect(new Set(jammed.map((s) => `${s.kind} ${s.entityId} ${s.dedupKey}`))).toEqual(new Set([`update seg-ab ${open.dedupKey}`]));
      const dissolved = feed(engine, report(every(310, 400, 10), FLOWING_KMH, ["seg-ab", "seg-bc", "seg-db"]));
      expect(dissolved).toMatchObject([{ kind: "clear", dedupKey: open.dedupKey, message: "Cleared after 6 min: Jam dissolved" }]);
    }
  });

  it("clears a restored jam that dissolved while the process was down", () => {
    const before = createRuleEngine({ rules: [SPREAD], entities: TINY_CITY });
    const [open] = feed(before, report(every(0, 60, 10), JAMMED_KMH, ["seg-ab", "seg-bc", "seg-db"]));
    const engine = createRuleEngine({ rules: [SPREAD], entities: TINY_CITY });
    engine.restoreEpisodes(before.activeEpisodes(), msAt(100));
    expect(feed(engine, report(every(110, 300, 10), FLOWING_KMH, ["seg-ab", "seg-bc", "seg-db"]))).toMatchObject([
      { kind: "clear", dedupKey: open.dedupKey },
    ]);
  });
});
