import { describe, expect, it } from "vitest";
import type { TIncident } from "@/lib/contracts/incidents";
import type { TResponderUnit } from "@/lib/contracts/units";
import { boardRows, describeBoardUnits, sortBoard, UNASSIGNED_FLAG_AFTER_MS } from "./incident-board-model";

const NOW = Date.parse("2026-12-02T12:00:00Z");
const minutesAgo = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();

function incident(number: string, overrides: Partial<TIncident> = {}): TIncident {
  return {
    id: `id-${number}`,
    number,
    type: "medical",
    priority: "P2",
    status: "new",
    location: [0, 0],
    zone: "Centre",
    address: null,
    description: "",
    alertIds: [],
    createdBy: null,
    createdAt: minutesAgo(1),
    updatedAt: minutesAgo(1),
    version: 0,
    ...overrides,
  };
}

const unit = (id: string, incidentId: string | null, status: TResponderUnit["status"]) => ({ id, incidentId, status }) as TResponderUnit;

describe("incident board", () => {
  it("counts the units on each incident by what they are doing", () => {
    const [row] = boardRows(
      [incident("INC-1")],
      [
        unit("a", "id-INC-1", "dispatched"),
        unit("b", "id-INC-1", "enRoute"),
        unit("c", "id-INC-1", "onScene"),
        unit("d", null, "available"),
      ],
      NOW,
    );
    expect(row.units).toEqual({ assigned: 3, enRoute: 1, onScene: 1 });
    expect(describeBoardUnits(row.units)).toBe("1 dispatched · 1 en route · 1 on scene");
    expect(describeBoardUnits({ assigned: 0, enRoute: 0, onScene: 0 })).toBe("No unit");
  });

  it("flags an incident left without a unit longer than its priority allows, and only then", () => {
    const p1Limit = UNASSIGNED_FLAG_AFTER_MS.P1 / 60_000;
    const rows = boardRows(
      [
        incident("INC-LATE", { priority: "P1", createdAt: minutesAgo(p1Limit + 1) }),
        incident("INC-FRESH", { priority: "P1", createdAt: minutesAgo(0.5) }),
        incident("INC-COVERED", { priority: "P1", createdAt: minutesAgo(30) }),
        incident("INC-P4", { priority: "P4", createdAt: minutesAgo(10) }),
      ],
      [unit("a", "id-INC-COVERED", "enRoute")],
      NOW,
    );
    expect(Object.fromEntries(rows.map((r) => [r.incident.number, r.unassignedForMs]))).toEqual({
      "INC-LATE": (p1Limit + 1) * 60_000,
      "INC-FRESH": null,
      "INC-COVERED": null,
      "INC-P4": null,
    });
  });

  it("leaves resolved and closed incidents to History", () => {
    const rows = boardRows(
      [incident("A", { status: "resolved" }), incident("B", { status: "closed" }), incident("C", { status: "onScene" })],
      [],
      NOW,
    );
    expect(rows.map((r) => r.incident.number)).toEqual(["C"]);
  });

  it("sorts by priority then age, keeps flagged incidents first under every sort", () => {
    const rows = boardRows(
      [
        incident("P3-OLD", { priority: "P3", createdAt: minutesAgo(10), updatedAt: minutesAgo(5), status: "dispatched" }),
        incident("P1-NEW", { priority: "P1", createdAt: minutesAgo(0.2) }),
        incident("P2-LATE", { priority: "P2", createdAt: minutesAgo(20), zone: "North" }),
        incident("P1-OLD", { priority: "P1", createdAt: minutesAgo(0.9), updatedAt: minutesAgo(0.1) }),
      ],
      [unit("a", "id-P3-OLD", "enRoute")],
      NOW,
    );
    expect(sortBoard(rows, "priority").map((r) => r.incident.number)).toEqual(["P2-LATE", "P1-OLD", "P1-NEW", "P3-OLD"]);
    expect(sortBoard(rows, "age").map((r) => r.incident.number)).toEqual(["P2-LATE", "P3-OLD", "P1-OLD", "P1-NEW"]);
    expect(sortBoard(rows, "updated").map((r) => r.incident.number)).toEqual(["P2-LATE", "P3-OLD", "P1-NEW", "P1-OLD"]);
    expect(sortBoard(rows, "status").map((r) => r.incident.number)).toEqual(["P2-LATE", "P1-OLD", "P1-NEW", "P3-OLD"]);
  });
});
