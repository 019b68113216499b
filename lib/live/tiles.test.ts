import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TCityEntities } from "@/lib/contracts/city-pack";
import type { TLonLat } from "@/lib/geo";
import { chooseView, tilesInBbox, VIEW_MARGIN } from "./choose-view";
import { countInTiles, indexTiles } from "./tile-index";
import { anchorOf, padBbox, tileBbox, tileKeyOf, type TBbox } from "./tiles";

// Around Three Rivers: a few tiles each way, so boxes cut through tiles rather than along their edges.
const WEST = -85.7;
const SOUTH = 41.9;
const SPAN = 0.12;
const lonLat = fc.tuple(fc.double({ min: WEST, max: WEST + SPAN, noNaN: true }), fc.double({ min: SOUTH, max: SOUTH + SPAN, noNaN: true }));
const bbox = fc
  .tuple(lonLat, lonLat)
  .map(([a, b]): TBbox => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])]);

/** A pack of bins only (any tiled kind places the same way), at these points. */
function binsAt(points: readonly TLonLat[]): TCityEntities {
  const bins = points.map((position, i) => ({ id: `bin-${i}`, position, volumeL: 120 }));
  return { segments: [], parking: [], bins, substations: [], feeders: [], stations: [], units: [] };
}

const inside = ([lon, lat]: TLonLat, [west, south, east, north]: TBbox) => lon >= west && lon <= east && lat >= south && lat <= north;

describe("live map tiles", () => {
  it("puts a point in the tile whose box contains it", () => {
    fc.assert(
      fc.property(lonLat, (point) => {
        expect(inside(point, tileBbox(tileKeyOf(point)))).toBe(true);
      }),
    );
  });

  it("covers a box: every entity anchored inside it is in one of its tiles, and each of its tiles touches it", () => {
    fc.assert(
      fc.property(fc.array(lonLat, { maxLength: 60 }), bbox, (points, box) => {
        const index = indexTiles(binsAt(points));
        const tiles = new Set(tilesInBbox(index, box));
        points.forEach((point, i) => {
          if (inside(point, box)) expect(tiles.has(index.tileOf("waste", `bin-${i}`)!)).toBe(true);
        });
        for (const tile of tiles) {
          const [west, south, east, north] = tileBbox(tile);
          expect(west <= box[2] && east >= box[0] && south <= box[3] && north >= box[1]).toBe(true);
        }
      }),
    );
  });

  it("places every entity in exactly one tile", () => {
    fc.assert(
      fc.property(fc.array(lonLat, { maxLength: 80 }), (points) => {
        const index = indexTiles(binsAt(points));
        const placed = [...index.tiles.values()].flatMap((contents) => contents.bins.map((bin) => bin.id));
        expect(placed.sort()).toEqual(points.map((_, i) => `bin-${i}`).sort());
        expect(index.total).toBe(points.length);
      }),
    );
  });

  it("anchors a line at its middle vertex, or between the two middle ones", () => {
    expect(
      anchorOf({
        coords: [
          [0, 0],
          [1, 1],
          [2, 0],
        ],
      }),
    ).toEqual([1, 1]);
    expect(
      anchorOf({
        coords: [
          [0, 0],
          [2, 2],
        ],
      }),
    ).toEqual([1, 1]);
  });
});

describe("choosing a viewport's view", () => {
  it("sends a city within the budget whole, wherever the viewport is", () => {
    fc.assert(
      fc.property(fc.array(lonLat, { maxLength: 50 }), bbox, (points, box) => {
        expect(chooseView(indexTiles(binsAt(points)), box, 50)).toEqual({ mode: "city" });
      }),
    );
  });

  it("sends the tiles around the viewport when they fit the budget, otherwise an overview; never more than the budget", () => {
    fc.assert(
      fc.property(fc.array(lonLat, { minLength: 30, maxLength: 120 }), bbox, fc.integer({ min: 1, max: 29 }), (points, box, budget) => {
        const index = indexTiles(binsAt(points));
        const view = chooseView(index, box, budget);
        const inViewport = countInTiles(index, tilesInBbox(index, box));
        if (inViewport > budget) {
          expect(view).toEqual({ mode: "overview" });
          return;
        }
        expect(view.mode).toBe("tiles");
        if (view.mode !== "tiles") return;
        expect(countInTiles(index, view.tiles)).toBeLessThanOrEqual(budget);
        // The viewport's own tiles are always there; the margin's only when it fits too.
        expect(view.tiles).toEqual(expect.arrayContaining(tilesInBbox(index, box)));
        const withMargin = tilesInBbox(index, padBbox(box, VIEW_MARGIN));
        if (countInTiles(index, withMargin) <= budget) expect([...view.tiles].sort()).toEqual([...withMargin].sort());
      }),
    );
  });
});
