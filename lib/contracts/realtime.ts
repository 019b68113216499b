import { z } from "zod";
import { ZLayer, type TLayer } from "./layers";
import type { TEventOfLayer } from "./events";
import type { TAlert, TIncident } from "./incidents";
import type { TAssignmentNotice, TResponderUnit } from "./units";

/**
 * The socket.io contract, typed on both ends:
 *   server: new Server<TClientToServerEvents, TServerToClientEvents>()
 *   client: Socket<TServerToClientEvents, TClientToServerEvents>
 * Payloads from clients are also parsed with the zod schemas below.
 */

/** Latest event per entity, grouped by layer. Only subscribed layers are present. */
export type TLayerEvents = { [L in TLayer]?: TEventOfLayer[L][] };

export type TCitySnapshot = {
  /** Monotonic server sequence; deltas carry the next values. */
  seq: number;
  layers: TLayerEvents;
  /** ISO time the snapshot was taken. */
  at: string;
};

export type TCityDelta = {
  seq: number;
  /** Only entities that changed since the last delta to this client (latest value wins). */
  layers: TLayerEvents;
};

export const INGEST_SOURCES = ["simulator", "kafka", "mqtt"] as const;
export type TIngestSource = (typeof INGEST_SOURCES)[number];

export type TIngestStats = {
  source: TIngestSource;
  /** Valid events applied to city state, per second over the last few seconds. */
  eventsPerSecond: number;
  totalEvents: number;
  deadLettered: number;
  /** Messages behind the partition high watermarks; null when not on Kafka. */
  consumerLag: number | null;
  /** ISO time of the newest applied event, null before the first. */
  lastEventAt: string | null;
};

export const ZSubscribeRequest = z.object({
  layers: z.array(ZLayer).max(16),
});
export type TSubscribeRequest = z.infer<typeof ZSubscribeRequest>;

export type TAck<T> = { ok: true; data: T } | { ok: false; error: string };

export interface TServerToClientEvents {
  "city:snapshot": (snapshot: TCitySnapshot) => void;
  "city:delta": (delta: TCityDelta) => void;
  "ingest:stats": (stats: TIngestStats) => void;
  /** An alert's new state (opened, updated by the engine, or changed by someone); operators and supervisors only. */
  "alert:upsert": (alert: TAlert) => void;
  /** An incident's new state (created, status changed, alert linked); operators and supervisors only. */
  "incident:upsert": (incident: TIncident) => void;
  /** A unit's new state (dispatched, status change, managed); operators and supervisors only. */
  "unit:upsert": (unit: TResponderUnit) => void;
  /** To the crew of one unit only (their user rooms): their assignment changed, refetch it. */
  "assignment:changed": (notice: TAssignmentNotice) => void;
}

export interface TClientToServerEvents {
  /** Replace the set of layers this client receives; answers with a fresh snapshot. */
  "city:subscribe": (request: TSubscribeRequest, ack: (response: TAck<TCitySnapshot>) => void) => void;
}
