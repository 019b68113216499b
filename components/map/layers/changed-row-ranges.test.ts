import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LayerChangeLog } from "@/components/live/layer-change-log";
import { changedRowRanges, rowIndexOf } from "./changed-row-ranges";

/** An attribute as deck.gl keeps it: one value per row, computed by an accessor from the live state. */
const accessor = (state: number) => state * 3 + 1;

describe("changedRowRanges", () => {
  it("recomputing only the ranges after each delta gives the attribute a full recomputation gives", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.array(fc.array(fc.nat(), { maxLength: 60 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.boolean(), { maxLength: 12 }),
        (rowCount, deltas, drawAfter) => {
          const rows = Array.from({ length: rowCount }, (_, i) => ({ id: `e${i}` }));
          const state = new Map(rows.map((row) => [row.id, 0]));
          const log = new LayerChangeLog(500);
          const attribute = rows.map((row) => accessor(state.get(row.id)!));
          let version = 0;
          let drawnVersion = 0;
          const draw = () => {
            const changed = log.changedBetween(drawnVersion, version);
            const ranges = changed && changedRowRanges(changed, rowIndexOf(rows), rows.length);
            const toRecompute = ranges ?? [{ startRow: 0, endRow: rows.length }];
            for (const { startRow, endRow } of toRecompute)
              for (let row = startRow; row < endRow; row++) attribute[row] = accessor(state.get(rows[row]!.id)!);
            drawnVersion = version;
          };
          deltas.forEach((delta, i) => {
            // Entities the layer does not draw are ignored; each delta changes some of its own.
            const ids = delta.map((n) => `e${n % (rowCount + 5)}`);
            for (const id of ids) if (state.has(id)) state.set(id, state.get(id)! + 1);
            version += 1;
            log.record(version, ids);
            if (drawAfter[i]) draw();
          });
          draw();
          expect(attribute).toEqual(rows.map((row) => accessor(state.get(row.id)!)));
        },
      ),
    );
  });

  it("gives few sorted, disjoint ranges, or null past half the rows", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000 }), fc.array(fc.nat(), { maxLength: 3_000 }), (rowCount, picks) => {
        const rows = Array.from({ length: rowCount }, (_, i) => ({ id: `e${i}` }));
        const changed = new Set(picks.map((n) => `e${n % rowCount}`));
        const ranges = changedRowRanges(changed, rowIndexOf(rows), rowCount);
        if (ranges === null) return;
        expect(ranges.length).toBeLessThanOrEqual(32);
        ranges.forEach((range, i) => {
          expect(range.startRow).toBeLessThan(range.endRow);
          if (i > 0) expect(range.startRow).toBeGreaterThan(ranges[i - 1]!.endRow - 1);
        });
        for (const id of changed) {
          const row = Number(id.slice(1));
          expect(ranges.some((r) => r.startRow <= row && row < r.endRow)).toBe(true);
        }
        expect(ranges.reduce((sum, r) => sum + r.endRow - r.startRow, 0)).toBeLessThanOrEqual(rowCount / 2);
      }),
    );
  });
});

describe("LayerChangeLog", () => {
  it("cannot diff across a reset or past what it has forgotten", () => {
    const log = new LayerChangeLog(3);
    log.record(1, ["a"]);
    log.record(2, ["b", "c"]);
    expect(log.changedBetween(0, 2)).toEqual(new Set(["a", "b", "c"]));
    expect(log.changedBetween(1, 2)).toEqual(new Set(["b", "c"]));
    log.record(3, ["d"]); // four ids held: version 1 is forgotten
    expect(log.changedBetween(0, 3)).toBeNull();
    expect(log.changedBetween(1, 3)).toEqual(new Set(["b", "c", "d"]));
    log.reset(4);
    expect(log.changedBetween(3, 4)).toBeNull();
    log.record(5, ["e"]);
    expect(log.changedBetween(4, 5)).toEqual(new Set(["e"]));
  });
});
