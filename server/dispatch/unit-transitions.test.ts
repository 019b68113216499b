import { describe, expect, it } from "vitest";
import { UNIT_STATUSES } from "@/lib/contracts/events";
import { UNIT_ACTIONS, type TUnitAction, type TUnitStatus } from "@/lib/contracts/units";
import { recordedAt } from "./recorded-at";
import { unitTransition } from "./unit-transitions";

const move = (status: TUnitStatus, action: TUnitAction) => unitTransition({ callSign: "P-11", status }, action);

describe("unit status flow", () => {
  it.each([
    ["dispatched", "enRoute", "enRoute"],
    ["dispatched", "onScene", "onScene"],
    ["enRoute", "onScene", "onScene"],
    ["dispatched", "cleared", "returning"],
    ["enRoute", "cleared", "returning"],
    ["onScene", "cleared", "returning"],
    ["returning", "available", "available"],
    ["available", "outOfService", "outOfService"],
    ["returning", "outOfService", "outOfService"],
    ["outOfService", "available", "available"],
  ] as const)("%s --%s--> %s", (from, action, to) => {
    expect(move(from, action)).toEqual({ ok: true, to, statusChanges: true });
  });

  it.each([
    ["onScene", "enRoute", "P-11 is on scene and cannot go en route (only from dispatched)"],
    ["available", "onScene", "P-11 is available and cannot report on scene (only from dispatched or en route)"],
    ["available", "cleared", "P-11 is available and cannot clear (only from dispatched, en route or on scene)"],
    ["onScene", "outOfService", "P-11 is on scene and cannot go out of service (only from available or returning)"],
    ["dispatched", "available", "P-11 is dispatched and cannot become available (only from returning or out of service)"],
    ["available", "available", "P-11 is available and cannot become available (only from returning or out of service)"],
    ["outOfService", "enRoute", "P-11 is out of service and cannot go en route (only from dispatched)"],
  ] as const)("refuses %s --%s-->", (from, action, reason) => {
    expect(move(from, action)).toEqual({ ok: false, reason });
  });

  it("lets reports leave the status alone; acknowledging and asking for backup need an assignment", () => {
    for (const status of ["dispatched", "enRoute", "onScene"] as const) {
      for (const action of ["acknowledge", "needBackup", "checkIn", "note"] as const) {
        expect(move(status, action)).toEqual({ ok: true, to: status, statusChanges: false });
      }
    }
    expect(move("available", "checkIn")).toEqual({ ok: true, to: "available", statusChanges: false });
    expect(move("outOfService", "note")).toEqual({ ok: true, to: "outOfService", statusChanges: false });
    expect(move("available", "acknowledge")).toEqual({
      ok: false,
      reason: "P-11 is available and cannot acknowledge an assignment (it has no assignment)",
    });
    expect(move("returning", "needBackup")).toEqual({
      ok: false,
      reason: "P-11 is returning and cannot request backup (it has no assignment)",
    });
  });

  it("has an answer for every action in every status", () => {
    for (const status of UNIT_STATUSES) for (const action of UNIT_ACTIONS) expect(move(status, action)).toHaveProperty("ok");
  });
});

describe("recorded time of a crew's action", () => {
  const now = new Date("2026-03-01T12:00:00.000Z");
  it("keeps the tap's time, but never in the future nor before what it follows", () => {
    expect(recordedAt(undefined, now, ["2026-03-01T11:00:00.000Z"])).toEqual(now);
    expect(recordedAt("2026-03-01T11:55:00.000Z", now, ["2026-03-01T11:50:00.000Z", null])).toEqual(new Date("2026-03-01T11:55:00.000Z"));
    expect(recordedAt("2026-03-01T12:05:00.000Z", now, [])).toEqual(now);
    expect(recordedAt("2026-03-01T11:40:00.000Z", now, ["2026-03-01T11:50:00.000Z", "2026-03-01T11:45:00.000Z"])).toEqual(
      new Date("2026-03-01T11:50:00.000Z"),
    );
  });
});
