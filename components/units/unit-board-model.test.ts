import { describe, expect, it } from "vitest";
import { formatElapsed } from "@/components/format/duration";
import { countOverdue, groupUnitsByType } from "./unit-board-model";
import { makeTestUnit } from "@/test/fixtures/responder-units";

describe("unit board grouping", () => {
  const units = [
    makeTestUnit({ id: "E-10", type: "fire" }),
    makeTestUnit({ id: "M-1", type: "ems", status: "onScene" }),
    makeTestUnit({ id: "E-2", type: "fire", status: "enRoute" }),
    makeTestUnit({ id: "P-1", type: "police" }),
    makeTestUnit({ id: "E-1", type: "fire", status: "outOfService" }),
  ];

  it("groups by type in the usual order, leaving out types without units", () => {
    expect(groupUnitsByType(units).map((group) => group.label)).toEqual(["Police", "Fire", "EMS"]);
  });

  it("sorts each group by call sign, numbers as numbers", () => {
    const fire = groupUnitsByType(units).find((group) => group.type === "fire")!;
    expect(fire.units.map((unit) => unit.callSign)).toEqual(["E-1", "E-2", "E-10"]);
  });

  it("counts available units against the group's total", () => {
    const groups = groupUnitsByType(units);
    expect(groups.map((group) => `${group.available}/${group.total}`)).toEqual(["1/1", "1/3", "0/1"]);
  });
});

describe("time in status", () => {
  it("reads in minutes, then hours and minutes, then days", () => {
    expect(formatElapsed(25_000)).toBe("<1 min");
    expect(formatElapsed(4 * 60_000 + 59_000)).toBe("4 min");
    expect(formatElapsed(60 * 60_000)).toBe("1 h");
    expect(formatElapsed(125 * 60_000)).toBe("2 h 5 min");
    expect(formatElapsed(3 * 86_400_000 + 1)).toBe("3 d");
  });

  it("treats a status change stamped slightly in the future (clock skew) as just now", () => {
    expect(formatElapsed(-5_000)).toBe("<1 min");
  });
});

describe("overdue check-ins", () => {
  it("counts units on scene without contact for longer than the threshold", () => {
    const now = Date.parse("2026-11-24T10:20:00.000Z");
    const units = [
      makeTestUnit({ id: "E-1", status: "onScene", lastContactAt: "2026-11-24T10:00:00.000Z" }),
      makeTestUnit({ id: "E-2", status: "onScene", lastContactAt: "2026-11-24T10:15:00.000Z" }),
      makeTestUnit({ id: "E-3", status: "enRoute", lastContactAt: "2026-11-24T09:00:00.000Z" }),
    ];
    expect(countOverdue(units, now, 600)).toBe(1);
    expect(countOverdue(units, now, 60)).toBe(2);
  });
});
