import type { TCityRuntime } from "./city-runtime";
import type { TDatabase } from "./db/client";

/**
 * Next.js bundles route handlers separately from server.ts, so module-level
 * singletons are not shared between them. The custom server registers the live
 * runtime here, on globalThis, for route handlers to read.
 */
export type TRegisteredRuntime = { city: TCityRuntime; database: TDatabase };

const KEY = Symbol.for("citynerve.runtime");
type TGlobal = typeof globalThis & { [KEY]?: TRegisteredRuntime };

export function registerRuntime(runtime: TRegisteredRuntime): void {
  (globalThis as TGlobal)[KEY] = runtime;
}

export function getRuntime(): TRegisteredRuntime | undefined {
  return (globalThis as TGlobal)[KEY];
}
