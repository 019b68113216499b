import { describe, expect, it } from "vitest";
import type { TCityEvent } from "@/lib/contracts/events";
import { CityState } from "./city-state";

const parkingEvent = (id: string, observedAt: string, available: number): TCityEvent => ({
  id,
  entityId: "parking-1",
  observedAt,
  type: "OffStreetParking",
  availableSpotNumber: available,
  totalSpotNumber: 120,
});

describe("CityState", () => {
  it("keeps the latest event per entity and notifies listeners", () => {
    const state = new CityState();
    const heard: string[] = [];
    state.onChange((layer, event) => heard.push(`${layer}:${event.id}`));
    state.apply(parkingEvent("a", "2026-11-24T08:00:00Z", 50));
    state.apply(parkingEvent("b", "2026-11-24T08:00:05Z", 40));
    expect(state.latest("parking", "parking-1")?.availableSpotNumber).toBe(40);
    expect(state.size("parking")).toBe(1);
    expect(heard).toEqual(["parking:a", "parking:b"]);
  });

  it("ignores an event older than the one it holds (out-of-order delivery)", () => {
    const state = new CityState();
    state.apply(parkingEvent("new", "2026-11-24T08:00:05Z", 40));
    expect(state.apply(parkingEvent("old", "2026-11-24T08:00:00Z", 99))).toBe(false);
    expect(state.latest("parking", "parking-1")?.id).toBe("new");
  });

  it("snapshots only the requested layers", () => {
    const state = new CityState();
    state.apply(parkingEvent("a", "2026-11-24T08:00:00Z", 50));
    const snapshot = state.snapshot(["parking", "traffic"]);
    expect(snapshot.parking).toHaveLength(1);
    expect(snapshot.traffic).toEqual([]);
    expect(snapshot).not.toHaveProperty("waste");
  });
});
