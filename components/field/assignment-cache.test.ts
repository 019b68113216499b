import { describe, expect, it } from "vitest";
import type { TUnitActionResponse } from "@/lib/contracts/units";
import { withActionResult } from "./assignment-cache";
import { fieldAssignmentFixture } from "@/test/fixtures/field-assignment";
import { newUnitAction } from "./unit-action-mutation";

function answer(status: Parameters<typeof fieldAssignmentFixture>[0]): TUnitActionResponse {
  const { unit, assignment } = fieldAssignmentFixture(status);
  return { unit: unit!, incident: assignment?.incident ?? null };
}

describe("the cached assignment after the server's answer", () => {
  it("takes the unit from the answer and keeps the job", () => {
    const cached = fieldAssignmentFixture({ status: "dispatched" });
    const next = withActionResult(cached, answer({ status: "enRoute" }), newUnitAction("E-1", "enRoute"));
    expect(next?.unit?.status).toBe("enRoute");
    expect(next?.assignment?.incident.id).toBe(cached.assignment!.incident.id);
  });

  it("stamps an acknowledgement on the cached dispatch with the tap time", () => {
    const tap = newUnitAction("E-1", "acknowledge");
    const next = withActionResult(fieldAssignmentFixture(), answer({ status: "dispatched" }), tap);
    expect(next?.assignment?.dispatch.acknowledgedAt).toBe(tap.request.at);
  });

  it("drops the job once the unit is cleared", () => {
    const next = withActionResult(
      fieldAssignmentFixture({ status: "onScene" }),
      answer({ status: "returning", assigned: false }),
      newUnitAction("E-1", "cleared"),
    );
    expect(next).toMatchObject({ unit: { status: "returning", incidentId: null }, assignment: null });
  });

  it("leaves the cache alone for another unit's answer or an empty cache", () => {
    const cached = fieldAssignmentFixture();
    const other = answer({ status: "enRoute" });
    other.unit = { ...other.unit, id: "E-2" };
    expect(withActionResult(cached, other, newUnitAction("E-2", "enRoute"))).toBe(cached);
    expect(withActionResult(undefined, answer({ status: "enRoute" }), newUnitAction("E-1", "enRoute"))).toBeUndefined();
  });
});
