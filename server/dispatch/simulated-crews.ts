import type { TUnitAction } from "@/lib/contracts/units";
import type { TUnitDriver } from "@/server/ingest/types";

type TSimulatedCrewsDeps = {
  driver: TUnitDriver;
  /** Takes a unit action as the system (no user); rejects when it cannot (e.g. 409: an operator changed the unit). */
  act: (unitId: string, action: TUnitAction) => Promise<void>;
  /** Whether field users crew the unit: then they report its status, not the simulation. */
  hasCrew: (unitId: string) => Promise<boolean>;
  /** How long a simulated crew works a scene before clearing it (real time). */
  onSceneSeconds?: number;
  log?: (message: string, error?: unknown) => void;
};

const DEFAULT_ON_SCENE_SECONDS = 180;

/**
 * Crews for units nobody crews, so the embedded simulator shows the whole dispatch loop: a unit that reaches
 * the scene reports on scene, clears after a while, and reports available once home. A crewed unit's crew
 * reports for itself, except that it is available again when the simulation has brought it home.
 */
export function startSimulatedCrews(deps: TSimulatedCrewsDeps): { stop(): void } {
  const log = deps.log ?? ((message: string, error?: unknown) => console.error(`[dispatch] ${message}`, error ?? ""));
  const onSceneMs = (deps.onSceneSeconds ?? DEFAULT_ON_SCENE_SECONDS) * 1000;
  const clearTimers = new Map<string, NodeJS.Timeout>();
  let stopped = false;

  const act = async (unitId: string, action: TUnitAction): Promise<boolean> => {
    if (stopped) return false;
    try {
      await deps.act(unitId, action);
      return true;
    } catch (error) {
      log(`simulated crew of ${unitId} could not report ${action}`, error);
      return false;
    }
  };

  const clearAfterScene = (unitId: string) => {
    clearTimeout(clearTimers.get(unitId));
    const timer = setTimeout(() => {
      clearTimers.delete(unitId);
      void act(unitId, "cleared");
    }, onSceneMs);
    timer.unref();
    clearTimers.set(unitId, timer);
  };

  const arrived = async (unitId: string, at: "scene" | "station") => {
    if (at === "station") {
      await act(unitId, "available");
      return;
    }
    if (await deps.hasCrew(unitId)) return;
    if ((await act(unitId, "onScene")) && !stopped) clearAfterScene(unitId);
  };

  const unsubscribe = deps.driver.onArrival((unitId, at) => {
    arrived(unitId, at).catch((error: unknown) => log(`simulated crew of ${unitId} failed on arrival at ${at}`, error));
  });

  return {
    stop() {
      stopped = true;
      unsubscribe();
      for (const timer of clearTimers.values()) clearTimeout(timer);
      clearTimers.clear();
    },
  };
}
