import type { TDispatch, TResponderUnit } from "@/lib/contracts/units";
import type { TUnitDriver } from "@/server/ingest/types";
import type { TUnitMotion } from "./types";

const MIN_KMH = 15;
const MAX_KMH = 90;
const HOMEWARD = "→station";

/** The speed that makes the drive take the planned ETA, within what a responder in town can do. */
export function driveSpeedKmh(dispatch: Pick<TDispatch, "distanceM" | "etaSeconds">): number {
  const kmh = dispatch.etaSeconds > 0 ? (dispatch.distanceM * 3.6) / dispatch.etaSeconds : MAX_KMH;
  return Math.min(MAX_KMH, Math.max(MIN_KMH, kmh));
}

/** Moves the simulator's units with their status: a dispatched unit drives its route, a returning one drives home. */
export function createUnitMotion(driver: TUnitDriver): TUnitMotion {
  /** Unit id → the dispatch id it is driving, or HOMEWARD; so a repeated status does not restart a drive. */
  const driving = new Map<string, string>();

  return {
    unitChanged(unit: TResponderUnit, dispatch: TDispatch | null) {
      const { id, status } = unit;
      switch (status) {
        case "dispatched":
        case "enRoute": {
          const active = dispatch && dispatch.state === "active" && dispatch.unitId === id ? dispatch : null;
          if (active && driving.get(id) !== active.id) {
            driving.set(id, active.id);
            driver.drive(id, active.route, { speedKmh: driveSpeedKmh(active), status });
          } else {
            driver.setStatus(id, status);
          }
          return;
        }
        case "returning":
          if (driving.get(id) === HOMEWARD) {
            driver.setStatus(id, status);
          } else {
            driving.set(id, HOMEWARD);
            driver.returnToStation(id, { status });
          }
          return;
        case "onScene":
        case "available":
        case "outOfService":
          driving.delete(id);
          driver.setStatus(id, status);
          return;
      }
    },
  };
}
