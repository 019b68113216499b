import type { TCityEvent } from "@/lib/contracts/events";
import type { TLayerEvents } from "@/lib/contracts/realtime";

/**
 * Timing hooks for bench/ingest.ts, to say where produce → browser latency goes. Absent everywhere else:
 * each hook point is one optional call, so production pays nothing for it.
 */
export type TLatencyProbe = {
  /** A chunk from the source was applied to city state: its accepted events, and when the pipeline received it. */
  applied?(events: readonly TCityEvent[], receivedAtMs: number): void;
  /** The realtime hub wrote these changes to its up-to-date clients' sockets. */
  flushed?(changes: TLayerEvents): void;
};
