import { describe, expect, it } from "vitest";
import type { TUnit } from "@/lib/contracts/city-pack";
import type { TUnitStatus } from "@/lib/contracts/events";
import { unitDisplayStatus, unitLabels } from "./unit-layers";

const unit = (id: string, callSign: string): TUnit => ({ id, callSign, type: "fire", stationId: "st" });

describe("unitLabels", () => {
  const positions: Record<string, [number, number]> = { a: [-85.6, 41.9], b: [-85.6001, 41.9], c: [-85.61, 41.9] };
  const units = [unit("a", "E-1"), unit("b", "E-2"), unit("c", "M-1")];

  it("merges labels that would overlap at this zoom", () => {
    const labels = unitLabels(units, (u) => positions[u.id]!, 15);
    expect(labels.get("a")).toBe("E-1 +1");
    expect(labels.get("b")).toBe("");
    expect(labels.get("c")).toBe("M-1");
  });

  it("separates them again when zoomed in far enough", () => {
    const labels = unitLabels(units, (u) => positions[u.id]!, 20);
    expect(labels.get("a")).toBe("E-1");
    expect(labels.get("b")).toBe("E-2");
  });
});

describe("unitDisplayStatus", () => {
  const statusById = new Map<string, TUnitStatus>([["E-1", "dispatched"]]);

  it("shows the control room's status over the position event's", () => {
    expect(unitDisplayStatus("E-1", { status: "available" }, statusById)).toBe("dispatched");
  });

  it("falls back to the position event for units the list does not have (yet)", () => {
    expect(unitDisplayStatus("M-4", { status: "enRoute" }, statusById)).toBe("enRoute");
  });

  it("has no status before either source knows the unit", () => {
    expect(unitDisplayStatus("M-4", undefined, statusById)).toBeNull();
    expect(unitDisplayStatus("E-1", undefined, statusById)).toBe("dispatched");
  });
});
