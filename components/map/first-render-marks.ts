/**
 * Named points on the control room's way to its first ready map, as `performance.mark("citynerve:<step>")`
 * (bench/first-render.ts reads them; DevTools' Performance panel shows them under Timings). Each step is marked
 * once per page: the first time is the one that counts, a remount or reconnect later is not a first render.
 */
export type TFirstRenderStep =
  | "map-module"
  | "map-created"
  | "style-loaded"
  | "entities-indexed"
  | "socket-connected"
  | "first-snapshot"
  | "first-layers"
  | "first-frame"
  | "ready";

const marked = new Set<TFirstRenderStep>();

export function markFirstRender(step: TFirstRenderStep): void {
  if (marked.has(step) || typeof performance === "undefined" || typeof performance.mark !== "function") return;
  marked.add(step);
  performance.mark(`citynerve:${step}`);
}
