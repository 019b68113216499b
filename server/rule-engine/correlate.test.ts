import { describe, expect, it } from "vitest";
import { haversineM } from "@/lib/geo";
import type { TAlertSignal } from "@/lib/contracts/rules";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { correlateAlerts, toCorrelatable } from "./correlate";
import { createPositionLookup } from "./entity-positions";
import { msAt } from "@/test/fixtures/test-events";

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
});
