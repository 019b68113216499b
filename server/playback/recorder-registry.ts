import type { TEntityHistoryRecorder } from "./entity-history-recorder";

/**
 * The running recorder, for route handlers (bundled apart from server.ts, like server/runtime-registry):
 * they need its retention to describe the playback range.
 */
const KEY = Symbol.for("citynerve.entity-history-recorder");
type TGlobal = typeof globalThis & { [KEY]?: TEntityHistoryRecorder };

export function registerEntityHistoryRecorder(recorder: TEntityHistoryRecorder | undefined): void {
  (globalThis as TGlobal)[KEY] = recorder;
}

export function getEntityHistoryRecorder(): TEntityHistoryRecorder | undefined {
  return (globalThis as TGlobal)[KEY];
}
