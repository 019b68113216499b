import { describe, expect, it } from "vitest";
import type { TUnitStatus } from "@/lib/contracts/events";
import type { TDispatch, TResponderUnit } from "@/lib/contracts/units";
import type { TUnitDriver } from "@/server/ingest/types";
import { createUnitMotion, driveSpeedKmh } from "./unit-motion";

const ROUTE: [number, number][] = [
  [-85.633, 41.939],
  [-85.635, 41.94],
  [-85.64, 41.94],
];

/** A TUnitDriver that only records what it is asked to do. */
function recordingDriver() {
  const calls: unknown[][] = [];
  const driver: TUnitDriver = {
    drive: (...args) => void calls.push(["drive", ...args]),
    returnToStation: (...args) => void calls.push(["returnToStation", ...args]),
    setStatus: (...args) => void calls.push(["setStatus", ...args]),
    trackedExternally: (...args) => void calls.push(["trackedExternally", ...args]),
    onArrival: () => () => {},
  };
  return { driver, calls };
}

const AT = "2026-11-24T13:00:00.000Z";
const unit = (status: TUnitStatus): TResponderUnit => ({
  id: "E-1",
  callSign: "E-1",
  type: "fire",
  stationId: "station-fire",
  capabilities: [],
  crew: [],
  status,
  statusSince: AT,
  lastContactAt: AT,
  incidentId: status === "available" ? null : "inc-1",
  needsBackup: false,
  outOfServiceReason: null,
  version: 1,
});
const dispatch = (id: string, overrides: Partial<TDispatch> = {}): TDispatch => ({
  id,
  incidentId: "inc-1",
  unitId: "E-1",
  callSign: "E-1",
  unitType: "fire",
  state: "active",
  dispatchedBy: null,
  dispatchedAt: AT,
  acknowledgedAt: null,
  enRouteAt: null,
  onSceneAt: null,
  clearedAt: null,
  etaSeconds: 60,
  distanceM: 1000,
  route: ROUTE,
  ...overrides,
});

describe("unit motion", () => {
  it("drives a dispatched unit along its dispatch route at the speed that keeps the ETA", () => {
    const { driver, calls } = recordingDriver();
    createUnitMotion(driver).unitChanged(unit("dispatched"), dispatch("d-1"));
    expect(calls).toEqual([["drive", "E-1", ROUTE, { speedKmh: 60, status: "dispatched" }]]);
  });

  it("keeps the speed between 15 and 90 km/h", () => {
    expect(driveSpeedKmh({ distanceM: 1000, etaSeconds: 10 })).toBe(90);
    expect(driveSpeedKmh({ distanceM: 10, etaSeconds: 1000 })).toBe(15);
    expect(driveSpeedKmh({ distanceM: 0, etaSeconds: 0 })).toBe(90);
    expect(driveSpeedKmh({ distanceM: 1000, etaSeconds: 100 })).toBe(36);
  });

  it("does not restart the route when the unit goes from dispatched to en route on the same dispatch", () => {
    const { driver, calls } = recordingDriver();
    const motion = createUnitMotion(driver);
    motion.unitChanged(unit("dispatched"), dispatch("d-1"));
    motion.unitChanged(unit("enRoute"), dispatch("d-1", { enRouteAt: AT }));
    expect(calls).toEqual([
      ["drive", "E-1", ROUTE, { speedKmh: 60, status: "dispatched" }],
      ["setStatus", "E-1", "enRoute"],
    ]);
  });

  it("starts a new drive for a new dispatch", () => {
    const { driver, calls } = recordingDriver();
    const motion = createUnitMotion(driver);
    motion.unitChanged(unit("enRoute"), dispatch("d-1"));
    motion.unitChanged(unit("dispatched"), dispatch("d-2", { route: [ROUTE[2], ROUTE[0]] }));
    expect(calls.map((c) => c[0])).toEqual(["drive", "drive"]);
    expect(calls[1][2]).toEqual([ROUTE[2], ROUTE[0]]);
  });

  it("only sets the status without an active dispatch of that unit", () => {
    const { driver, calls } = recordingDriver();
    const motion = createUnitMotion(driver);
    motion.unitChanged(unit("dispatched"), null);
    motion.unitChanged(unit("dispatched"), dispatch("d-1", { state: "cancelled" }));
    motion.unitChanged(unit("dispatched"), dispatch("d-1", { unitId: "P-11" }));
    expect(calls).toEqual([
      ["setStatus", "E-1", "dispatched"],
      ["setStatus", "E-1", "dispatched"],
      ["setStatus", "E-1", "dispatched"],
    ]);
  });

  it("stops on scene, drives a returning unit home once, and reports available and out of service", () => {
    const { driver, calls } = recordingDriver();
    const motion = createUnitMotion(driver);
    motion.unitChanged(unit("enRoute"), dispatch("d-1"));
    motion.unitChanged(unit("onScene"), dispatch("d-1", { onSceneAt: AT }));
    motion.unitChanged(unit("returning"), null);
    motion.unitChanged(unit("returning"), null);
    motion.unitChanged(unit("available"), null);
    motion.unitChanged(unit("outOfService"), null);
    expect(calls.slice(1)).toEqual([
      ["setStatus", "E-1", "onScene"],
      ["returnToStation", "E-1", { status: "returning" }],
      ["setStatus", "E-1", "returning"],
      ["setStatus", "E-1", "available"],
      ["setStatus", "E-1", "outOfService"],
    ]);
  });

  it("drives the same dispatch again after the unit stopped driving it", () => {
    const { driver, calls } = recordingDriver();
    const motion = createUnitMotion(driver);
    motion.unitChanged(unit("enRoute"), dispatch("d-1"));
    motion.unitChanged(unit("returning"), null);
    motion.unitChanged(unit("enRoute"), dispatch("d-1"));
    expect(calls.map((c) => c[0])).toEqual(["drive", "returnToStation", "drive"]);
  });
});
