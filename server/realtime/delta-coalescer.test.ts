import { describe, expect, it } from "vitest";
import type { TCityEvent } from "@/lib/contracts/events";
import { DeltaCoalescer } from "./delta-coalescer";

const bin = (entityId: string, fillingLevel: number): TCityEvent => ({
  id: `${entityId}-${fillingLevel}`,
  entityId,
  observedAt: "2026-11-24T08:00:00Z",
  type: "WasteContainer",
  fillingLevel,
  status: "ok",
  temperature: 9,
});

describe("DeltaCoalescer", () => {
  it("keeps only the latest event per entity", () => {
    const coalescer = new DeltaCoalescer();
    coalescer.add("waste", bin("bin-1", 0.1));
    coalescer.add("waste", bin("bin-2", 0.5));
    coalescer.add("waste", bin("bin-1", 0.2));
    expect(coalescer.size).toBe(2);
    const delta = coalescer.drain();
    expect(delta?.waste?.map((e) => [e.entityId, e.fillingLevel])).toEqual([
      ["bin-1", 0.2],
      ["bin-2", 0.5],
    ]);
  });

  it("is empty after draining", () => {
    const coalescer = new DeltaCoalescer();
    coalescer.add("waste", bin("bin-1", 0.1));
    coalescer.drain();
    expect(coalescer.drain()).toBeNull();
    expect(coalescer.size).toBe(0);
  });

  it("stays bounded by the number of entities however many events arrive", () => {
    const coalescer = new DeltaCoalescer();
    for (let i = 0; i < 10_000; i++) coalescer.add("waste", bin(`bin-${i % 3}`, (i % 100) / 100));
    expect(coalescer.size).toBe(3);
  });

  it("drops layers the client unsubscribed from", () => {
    const coalescer = new DeltaCoalescer();
    coalescer.add("waste", bin("bin-1", 0.1));
    coalescer.add("parking", {
      id: "p",
      entityId: "parking-1",
      observedAt: "2026-11-24T08:00:00Z",
      type: "OffStreetParking",
      availableSpotNumber: 1,
      totalSpotNumber: 2,
    });
    coalescer.retainLayers(new Set(["parking"]));
    expect(coalescer.size).toBe(1);
    expect(Object.keys(coalescer.drain()!)).toEqual(["parking"]);
  });
});
