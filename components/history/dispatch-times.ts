import type { TDispatch } from "@/lib/contracts/units";

type TDispatchTimes = {
  /** Dispatched → on scene. */
  travelSeconds: number | null;
  /** On scene → cleared; while still there, until `now` (and `onSceneOngoing` says so). */
  onSceneSeconds: number | null;
  onSceneOngoing: boolean;
};

const between = (from: string | null, to: string | null) => (from && to ? Math.max(0, (Date.parse(to) - Date.parse(from)) / 1000) : null);

/** A unit's travel and on-scene times on one incident. A cancelled dispatch has neither unless it got there. */
export function dispatchTimes(
  dispatch: Pick<TDispatch, "state" | "dispatchedAt" | "onSceneAt" | "clearedAt">,
  nowMs: number,
): TDispatchTimes {
  const travelSeconds = between(dispatch.dispatchedAt, dispatch.onSceneAt);
  if (!dispatch.onSceneAt) return { travelSeconds, onSceneSeconds: null, onSceneOngoing: false };
  if (dispatch.clearedAt) return { travelSeconds, onSceneSeconds: between(dispatch.onSceneAt, dispatch.clearedAt), onSceneOngoing: false };
  const ongoing = dispatch.state === "active";
  return {
    travelSeconds,
    onSceneSeconds: ongoing ? between(dispatch.onSceneAt, new Date(nowMs).toISOString()) : null,
    onSceneOngoing: ongoing,
  };
}
