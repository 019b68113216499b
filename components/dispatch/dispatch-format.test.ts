import { describe, expect, it } from "vitest";
import type { TDispatch, TRecommendedUnit } from "@/lib/contracts/units";
import {
  assignedUnits,
  assignedUnitStatus,
  dispatchButtonLabel,
  drivingRoutes,
  runCardText,
  selectedUnitIds,
  shortfallText,
} from "./dispatch-format";

const recommended = (unitId: string, suggested: boolean): TRecommendedUnit => ({
  unitId,
  callSign: unitId,
  type: "fire",
  status: "available",
  etaSeconds: 240,
  distanceM: 1800,
  suggested,
  route: [
    [-85.63, 41.94],
    [-85.62, 41.95],
  ],
});

const dispatch = (unitId: string, overrides: Partial<TDispatch> = {}): TDispatch => ({
  id: `d-${unitId}-${overrides.dispatchedAt ?? ""}`,
  incidentId: "inc-1",
  unitId,
  callSign: unitId,
  unitType: "fire",
  state: "active",
  dispatchedBy: null,
  dispatchedAt: "2026-11-24T10:00:00.000Z",
  acknowledgedAt: null,
  enRouteAt: null,
  onSceneAt: null,
  clearedAt: null,
  etaSeconds: 300,
  distanceM: 2000,
  route: [
    [-85.63, 41.94],
    [-85.62, 41.95],
  ],
  ...overrides,
});

describe("run card and shortfall", () => {
  it("writes the run card in type order", () => {
    expect(runCardText({ incidentType: "fire", units: { ems: 1, fire: 2 }, ackWithinSeconds: 60 })).toBe("Run card: 2 Fire + 1 EMS");
    expect(runCardText({ incidentType: "other", units: {}, ackWithinSeconds: 120 })).toBe("Run card: no units required");
  });

  it("names the types that are short, or nothing", () => {
    expect(shortfallText({ fire: 1, ems: 2 })).toBe("Not enough available units: 1 Fire, 2 EMS short of the run card.");
    expect(shortfallText({})).toBeNull();
  });
});

describe("recommended units", () => {
  it("pre-selects suggested units until the operator ticks or unticks one", () => {
    const units = [recommended("E-1", true), recommended("E-2", true), recommended("E-3", false)];
    expect(selectedUnitIds(units, new Map())).toEqual(["E-1", "E-2"]);
    expect(
      selectedUnitIds(
        units,
        new Map([
          ["E-2", false],
          ["E-3", true],
        ]),
      ),
    ).toEqual(["E-1", "E-3"]);
  });

  it("labels the dispatch button with the count", () => {
    expect(dispatchButtonLabel(0)).toBe("Select units to dispatch");
    expect(dispatchButtonLabel(1)).toBe("Dispatch 1 unit");
    expect(dispatchButtonLabel(3)).toBe("Dispatch 3 units");
  });
});

describe("assigned units", () => {
  it("shows each unit once (its latest dispatch), assigned ones first", () => {
    const rows = assignedUnits([
      dispatch("E-1", { state: "cleared", dispatchedAt: "2026-11-24T10:00:00.000Z" }),
      dispatch("M-1", { dispatchedAt: "2026-11-24T10:05:00.000Z" }),
      dispatch("E-1", { dispatchedAt: "2026-11-24T10:10:00.000Z" }),
      dispatch("P-1", { state: "cancelled", dispatchedAt: "2026-11-24T10:01:00.000Z" }),
    ]);
    expect(rows.map((row) => `${row.unitId}:${row.state}`)).toEqual(["M-1:active", "E-1:active", "P-1:cancelled"]);
  });

  it("takes the unit's live status while it is on this incident, else the dispatch's own record", () => {
    const active = dispatch("E-1", { enRouteAt: "2026-11-24T10:01:00.000Z" });
    expect(assignedUnitStatus(active, { status: "onScene", incidentId: "inc-1" }, "inc-1")).toBe("onScene");
    expect(assignedUnitStatus(active, { status: "dispatched", incidentId: "inc-2" }, "inc-1")).toBe("enRoute");
    expect(assignedUnitStatus(active, undefined, "inc-1")).toBe("enRoute");
    expect(assignedUnitStatus(dispatch("E-1"), undefined, "inc-1")).toBe("dispatched");
  });

  it("follows a cleared unit home until it takes another assignment", () => {
    const cleared = dispatch("E-1", { state: "cleared", clearedAt: "2026-11-24T10:30:00.000Z" });
    expect(assignedUnitStatus(cleared, { status: "returning", incidentId: null }, "inc-1")).toBe("returning");
    expect(assignedUnitStatus(cleared, { status: "available", incidentId: null }, "inc-1")).toBe("available");
    expect(assignedUnitStatus(cleared, { status: "dispatched", incidentId: "inc-2" }, "inc-1")).toBe("returning");
    expect(assignedUnitStatus(dispatch("E-1", { state: "cancelled" }), { status: "available", incidentId: null }, "inc-1")).toBe(
      "cancelled",
    );
  });

  it("draws routes only for units still driving there", () => {
    const routes = drivingRoutes([
      dispatch("E-1"),
      dispatch("E-2", { onSceneAt: "2026-11-24T10:06:00.000Z" }),
      dispatch("E-3", { state: "cancelled" }),
    ]);
    expect(routes).toHaveLength(1);
  });
});
