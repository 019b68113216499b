import type { TCityEvent } from "@/lib/contracts/events";
import type { TRandom } from "@/lib/seeded-random";

/**
 * Turns a good event into the kinds of garbage real sensor networks send:
 * truncated JSON, out-of-range values, missing fields, unknown sensors.
 * Lets the dead-letter path be seen working in the embedded demo.
 */
const CORRUPTIONS: ((event: TCityEvent) => string)[] = [
  (e) => JSON.stringify(e).slice(0, 25),
  (e) => JSON.stringify({ ...e, observedAt: "yesterday-ish" }),
  (e) => JSON.stringify({ ...e, entityId: `${e.entityId}-unregistered` }),
  (e) => JSON.stringify({ ...e, type: "FluxCapacitorReading" }),
  (e) => {
    const { id: _dropped, ...withoutId } = e;
    return JSON.stringify(withoutId);
  },
  (e) => (e.type === "WasteContainer" ? JSON.stringify({ ...e, fillingLevel: 1.7 }) : JSON.stringify({ ...e, observedAt: 42 })),
];

export function corruptEvent(event: TCityEvent, random: TRandom): string {
  return random.pick(CORRUPTIONS)(event);
}
