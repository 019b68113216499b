import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { haversineM } from "@/lib/geo";
import type { TAlertSignal } from "@/lib/contracts/rules";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { correlateAlerts, toCorrelatable } from "./correlate";
import { createPositionLookup } from "./entity-positions";
import { msAt } from "@/test/fixtures/test-events";
import { correlateAlertsBruteForce } from "@/test/fixtures/brute-force-correlate";

const positionOf = createPositionLookup(TINY_CITY);
type TAlert = Pick<TAlertSignal, "dedupKey" | "domain" | "entityId" | "relatedEntityIds">;
const alert = (domain: TAlert["domain"], entityId: string, openedAtSeconds: number, relatedEntityIds?: string[]) =>
  toCorrelatable(
    { dedupKey: `${domain}:${entityId}@${openedAtSeconds}`, domain, entityId, relatedEntityIds },
    msAt(openedAtSeconds),
    positionOf,
  );

describe("entity positions", () => {
  it("places segments and feeders at their midpoint and point assets where they stand", () => {
    expect(positionOf("traffic", "seg-ab")).toEqual([-85.6375, 41.94]);
    expect(haversineM(positionOf("energy", "feeder-1")!, [-85.6375, 41.943])).toBeLessThan(1);
    expect(positionOf("waste", "bin-2")).toEqual([-85.635, 41.938]);
    expect(positionOf("energy", "sub-1")).toEqual([-85.64, 41.946]);
    expect(positionOf("waste", "no-such-bin")).toBeUndefined();
  });
});

describe("correlateAlerts", () => {
  it("groups a burning bin with a jam on the segment next to it, named by the earlier alert", () => {
    const jam = alert("traffic", "seg-ab", 0);
    const fire = alert("waste", "bin-1", 120);
    expect(correlateAlerts([fire, jam])).toEqual([{ groupId: jam.dedupKey, dedupKeys: [jam.dedupKey, fire.dedupKey] }]);
  });

  it("does not group alerts farther apart than the radius", () => {
    // sub-1 is about 650 m north of bin-1.
    expect(correlateAlerts([alert("waste", "bin-1", 0), alert("energy", "sub-1", 60)])).toEqual([]);
    expect(correlateAlerts([alert("waste", "bin-1", 0), alert("energy", "sub-1", 60)], { radiusM: 800 })).toHaveLength(1);
  });

  it("does not group alerts that opened too long apart", () => {
    expect(correlateAlerts([alert("traffic", "seg-ab", 0), alert("waste", "bin-1", 11 * 60)])).toEqual([]);
    expect(correlateAlerts([alert("traffic", "seg-ab", 0), alert("waste", "bin-1", 11 * 60)], { windowMinutes: 15 })).toHaveLength(1);
  });

  it("chains related alerts and keeps the group id when later alerts join", () => {
    const jam = alert("traffic", "seg-db", 0);
    const lidOpen = alert("waste", "bin-2", 60);
    const parkingFull = alert("parking", "parking-1", 200);
    const before = correlateAlerts([jam, lidOpen]);
    const after = correlateAlerts([parkingFull, lidOpen, jam, alert("energy", "sub-1", 100)]);
    expect(before).toEqual([{ groupId: jam.dedupKey, dedupKeys: [jam.dedupKey, lidOpen.dedupKey] }]);
    expect(after).toEqual([{ groupId: jam.dedupKey, dedupKeys: [jam.dedupKey, lidOpen.dedupKey, parkingFull.dedupKey] }]);
  });

  it("measures a spreading jam from every segment it covers", () => {
    // Anchored on the loop road, far from bin-2, but the jam reaches Side St next to it.
    const jam = alert("traffic", "seg-ca", 0, ["seg-ca", "seg-ab", "seg-db"]);
    expect(correlateAlerts([jam, alert("waste", "bin-2", 30)])).toHaveLength(1);
    expect(correlateAlerts([alert("traffic", "seg-ca", 0), alert("waste", "bin-2", 30)])).toEqual([]);
  });

  it("leaves alerts without a known position alone", () => {
    expect(correlateAlerts([alert("waste", "ghost-bin", 0), alert("waste", "bin-1", 0)])).toEqual([]);
  });

  it("finds exactly the groups the pairwise comparison finds (its spatial index loses no pair)", () => {
    // Positions clustered so that radii of tens to hundreds of metres make chains; some near the antimeridian and the poles.
    const centre = fc.constantFrom<[number, number]>([-85.63, 41.94], [179.999, 0], [-179.999, 10], [12.5, 89.99], [0, 0]);
    const jitter = fc.double({ min: -0.01, max: 0.01, noNaN: true });
    const position = fc
      .tuple(centre, jitter, jitter)
      .map(([[lon, lat], dx, dy]): [number, number] => [wrapLon(lon + dx), Math.max(-90, Math.min(90, lat + dy))]);
    const alerts = fc.uniqueArray(
      fc.record({
        dedupKey: fc.string({ minLength: 1, maxLength: 6 }),
        openedAtMs: fc.integer({ min: 0, max: 30 * 60_000 }),
        positions: fc.array(position, { maxLength: 3 }),
      }),
      { selector: (a) => a.dedupKey, maxLength: 60 },
    );
    const options = fc.record({ radiusM: fc.integer({ min: 1, max: 2_000 }), windowMinutes: fc.integer({ min: 0, max: 20 }) });
    fc.assert(
      fc.property(alerts, options, (input, opts) => {
        expect(correlateAlerts(input, opts)).toEqual(correlateAlertsBruteForce(input, opts));
      }),
      { numRuns: 300 },
    );
  });
});

const wrapLon = (lon: number) => (lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon);
