import { describe, expect, it } from "vitest";
import type { TUnitList } from "@/lib/contracts/units";
import { makeTestUnit } from "@/test/fixtures/responder-units";
import { upsertUnit, upsertUnits } from "./unit-cache";

const list = (...units: ReturnType<typeof makeTestUnit>[]): TUnitList => ({ units, checkInSeconds: 600 });

describe("unit cache", () => {
  it("replaces a unit in place when the copy is newer", () => {
    const before = list(makeTestUnit({ id: "E-1" }), makeTestUnit({ id: "E-2" }));
    const after = upsertUnit(before, makeTestUnit({ id: "E-1", status: "dispatched", version: 2 }));
    expect(after.units.map((unit) => [unit.id, unit.status])).toEqual([
      ["E-1", "dispatched"],
      ["E-2", "available"],
    ]);
    expect(after.checkInSeconds).toBe(600);
    expect(before.units[0]!.status).toBe("available");
  });

  it("keeps the newer copy when an older or equal version arrives late", () => {
    const current = list(makeTestUnit({ id: "E-1", status: "enRoute", version: 3 }));
    expect(upsertUnit(current, makeTestUnit({ id: "E-1", status: "dispatched", version: 2 }))).toBe(current);
    expect(upsertUnit(current, makeTestUnit({ id: "E-1", status: "available", version: 3 }))).toBe(current);
  });

  it("adds a unit it has not seen (created by someone else)", () => {
    const after = upsertUnit(list(makeTestUnit({ id: "E-1" })), makeTestUnit({ id: "P-9", type: "police" }));
    expect(after.units.map((unit) => unit.id)).toEqual(["E-1", "P-9"]);
  });

  it("applies several units, each by its own version", () => {
    const before = list(makeTestUnit({ id: "E-1", version: 5 }), makeTestUnit({ id: "M-1", version: 1 }));
    const after = upsertUnits(before, [
      makeTestUnit({ id: "E-1", status: "dispatched", version: 4 }),
      makeTestUnit({ id: "M-1", status: "dispatched", version: 2 }),
    ]);
    expect(after.units.map((unit) => unit.status)).toEqual(["available", "dispatched"]);
  });
});
