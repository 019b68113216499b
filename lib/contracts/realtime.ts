import { z } from "zod";
import { ZDomainName, ZLayer, type TLayer } from "./layers";
import type { TDomainEvent } from "./domain-definition";
import type { TEventOfLayer } from "./events";
import type { TAlert } from "./alerts";
import type { TCapWarningList } from "./cap-warnings";
import type { TIncident } from "./incidents";
import type { TAssignmentNotice, TResponderUnit } from "./units";
import type { TLiveView } from "@/lib/live/choose-view";
import type { TTiledLayer } from "@/lib/live/tile-index";
import { ZBbox, ZTileKey, type TTileKey } from "@/lib/live/tiles";

export type { TLiveView };

/**
 * The socket.io contract, typed on both ends:
 *   server: new Server<TClientToServerEvents, TServerToClientEvents>()
 *   client: Socket<TServerToClientEvents, TClientToServerEvents>
 * Payloads from clients are also parsed with the zod schemas below.
 */

/** Latest event per entity, grouped by layer. Only subscribed layers are present. */
export type TLayerEvents = { [L in TLayer]?: TEventOfLayer[L][] };

/** Latest event per sensor of each subscribed declared domain. */
export type TDeclaredEvents = Record<string, TDomainEvent[]>;

export type TCitySnapshot = {
  /** Monotonic server sequence; deltas carry the next values. */
  seq: number;
  layers: TLayerEvents;
  declared?: TDeclaredEvents;
  /** ISO time the snapshot was taken. */
  at: string;
  /**
   * What the snapshot covers when the client sent its viewport (absent: the whole city). Entities of the tiled
   * layers outside it are not sent, and deltas follow the same view until the next snapshot or view change.
   */
  view?: TLiveView;
  /** Identifies this server process's sequence: a `resume` is honoured only by the process that issued the seq. */
  epoch?: string;
  /**
   * true: not everything in view, only what the client lacks (after a resume: what changed since its seq in the
   * tiles it held, and all of the tiles it did not; after a viewport change: the tiles newly in view). Merged into
   * what it holds, entities outside `view` dropped, instead of replacing it.
   */
  partial?: boolean;
  /** Per-tile summaries, when the view is an overview. */
  summaries?: TCitySummaries;
};

export type TCityDelta = {
  seq: number;
  /** Only entities that changed since the last delta to this client (latest value wins). */
  layers: TLayerEvents;
  declared?: TDeclaredEvents;
};

/**
 * Events of the built-in layers as columns (lib/wire/columnar-delta.ts), for clients that subscribed with the
 * fingerprint of the same city pack as the server's (`columns` in the subscribe request): about a quarter of the
 * bytes of their JSON (npm run bench:wire-format).
 */
export type TColumnarLayers = {
  /** How many entities of each layer the columns hold. */
  counts: Partial<Record<TLayer, number>>;
  /** Event id prefixes, which the columns name by number. */
  idPrefixes: string[];
  /** Every layer's columns in one binary attachment (ArrayBuffer as sent; Node receives a Buffer). */
  columns: ArrayBuffer | ArrayBufferView;
  /** Events the columns cannot carry exactly (an entity not in the pack, an id or time in another form), as JSON. */
  layers?: TLayerEvents;
};

/** A TCityDelta whose built-in layers come as columns. */
export type TColumnarDelta = TColumnarLayers & {
  seq: number;
  declared?: TDeclaredEvents;
};

/**
 * A TCitySnapshot (a subscription's or a viewport change's answer) whose built-in layers come as columns, to clients
 * that asked for columnar deltas and snapshots; `layers` holds only what the columns cannot carry.
 */
export type TColumnarSnapshot = Omit<TCitySnapshot, "layers"> & TColumnarLayers;

/**
 * One tile's entities of one tiled layer, as counts: how many the pack places there, then how many of their latest
 * readings are fine, elevated, high and critical (lib/live/attention.ts; entities without a reading are in none).
 */
export type TLevelCounts = [entities: number, fine: number, elevated: number, high: number, critical: number];

export type TTileSummary = {
  tile: TTileKey;
  layers: Partial<Record<TTiledLayer, TLevelCounts>>;
  /**
   * The client's subscribed declared domains with sensors in the tile, counted the same way by the level their
   * definition gives a reading (lib/live/declared-attention.ts); a definition that gives none counts its readings as fine.
   */
  declared?: Record<string, TLevelCounts>;
};

/** Every tile of the city that holds entities, summarised: what an overview draws at city zoom. */
export type TCitySummaries = {
  /** ISO time they were computed. */
  at: string;
  tiles: TTileSummary[];
};

export const INGEST_SOURCES = ["simulator", "kafka", "mqtt"] as const;
export type TIngestSource = (typeof INGEST_SOURCES)[number];

/**
 * How the event source is doing, most serious first:
 * unreachable (no broker answered since `since`), failed (the consumer keeps crashing; still retried),
 * restarting (crashed, a fresh consumer is on its way), connecting (no partitions assigned yet), connected.
 */
export const SOURCE_STATES = ["unreachable", "failed", "restarting", "connecting", "connected"] as const;
export type TSourceState = (typeof SOURCE_STATES)[number];

export type TPartitionStatus = {
  topic: string;
  partition: number;
  /** Messages between the next one to process and the high watermark, as last seen; null before the first look. */
  lag: number | null;
  /**
   * Age of the oldest message not processed yet; null when nothing is known to wait. Exact (its Kafka timestamp)
   * once fetched, otherwise at least the time since this instance first saw it on the broker.
   */
  oldestWaitingMs: number | null;
};

export type TSourceStatus = {
  state: TSourceState;
  /** ISO time the state began (for unreachable: the first failed contact since the last answer). */
  since: string;
  /** Fresh consumers started after a crash or a failed start, since this process started. */
  restarts: number;
  /** Partitions whose position fell out of the broker's retention and was reset (KAFKA_OFFSET_RESET decides where). */
  offsetResets: number;
  lastOffsetReset: { topic: string; partition: number; at: string } | null;
  /** The latest problem seen (crash, failed request, failed batch), kept after recovery so it can be read. */
  lastError: { message: string; at: string } | null;
  /** This instance's partitions; empty for in-process sources. */
  partitions: TPartitionStatus[];
};

/**
 * The MQTT edge's connection, most serious first: unreachable (no broker answered since `since`), reconnecting (the
 * connection dropped, or was dropped on purpose so the broker redelivers what Kafka did not take), connecting (no
 * subscription yet), connected, standby (a bridge on an instance that does not lead: another one bridges).
 */
export const MQTT_STATES = ["unreachable", "reconnecting", "connecting", "connected", "standby"] as const;
export type TMqttState = (typeof MQTT_STATES)[number];

export type TMqttStatus = {
  /** source: this instance's city reads MQTT (no Kafka); bridge: MQTT is forwarded to Kafka by the leader. */
  role: "source" | "bridge";
  state: TMqttState;
  /** ISO time the state began. */
  since: string;
  /** The broker's address, without credentials. */
  broker: string;
  /** Messages this process acknowledged to the broker: applied or forwarded, or dead-lettered. */
  acknowledged: number;
  /** Messages left unacknowledged because they could not be taken (Kafka down): the broker delivers them again. */
  unacknowledged: number;
  lastError: { message: string; at: string } | null;
};

export type TIngestStats = {
  /** The instance that serves this browser (its socket's server), shown in the status bar's tooltip. */
  instanceId: string;
  source: TIngestSource;
  /** Valid events applied to city state, per second over the last few seconds. */
  eventsPerSecond: number;
  totalEvents: number;
  deadLettered: number;
  /** Messages behind the partition high watermarks; null when not on Kafka. */
  consumerLag: number | null;
  /** ISO time of the newest applied event, null before the first. */
  lastEventAt: string | null;
  /** The source's own account of itself (broker state, restarts, per-partition staleness); null when it gives none. */
  sourceStatus: TSourceStatus | null;
  /** Dead letters on their way to PostgreSQL; absent where nothing stores them. */
  deadLetterStore?: TDeadLetterStoreStatus;
  /** The MQTT edge (MQTT_URL), as a source or as the bridge to Kafka; absent when it is off. */
  mqtt?: TMqttStatus;
};

export type TDeadLetterStoreStatus = {
  /** Waiting for PostgreSQL (it is down or slow). */
  waiting: number;
  stored: number;
  storedMinimal: number;
  /** Dropped oldest-first because the buffer was full (DEAD_LETTER_BUFFER_MAX); the Kafka topic still has them. */
  droppedAtBound: number;
  /** Refused by the database even in minimal form. */
  unstorable: number;
  /** ISO time since which PostgreSQL has not answered the writer, or null. */
  unreachableSince: string | null;
};

/** The map's visible area; the hub picks the view (lib/live/choose-view.ts) from it. */
export const ZViewport = z.object({ bbox: ZBbox });
export type TViewport = z.infer<typeof ZViewport>;

/** At most this many tiles held are named in a resume (a viewport within the budget holds far fewer). */
const MAX_RESUME_TILES = 400;

export const ZSubscribeRequest = z.object({
  layers: z.array(ZLayer).max(16),
  /** Declared domains (lib/domains/definitions) to receive; their events come in `declared`, the built-ins' shape is unchanged. */
  domains: z.array(ZDomainName).max(16).optional(),
  /** Absent: the whole city, as before viewports existed. */
  viewport: ZViewport.optional(),
  /**
   * After a reconnect, what the client still holds for the same layers and domains: the epoch and seq of the last
   * delta it applied, and its view's tiles ("city": all). Answered with only what changed since, when the epoch matches.
   */
  resume: z
    .object({
      epoch: z.string().max(64),
      seq: z.number().int().min(0),
      tiles: z.union([z.literal("city"), z.array(ZTileKey).max(MAX_RESUME_TILES)]),
    })
    .optional(),
  /**
   * The fingerprint of the city pack the client indexed (lib/wire/entity-slots.ts): when it is the server's, the
   * built-in layers' deltas come as "city:columns" instead of "city:delta". Absent or different: JSON deltas.
   */
  columns: z.string().max(64).optional(),
  /**
   * With a matching `columns`: snapshots and viewport answers come as TColumnarSnapshot too. Asked for apart from
   * `columns` because a tab loaded before snapshots had columns sends the fingerprint as well, and reads only JSON ones.
   */
  columnarSnapshots: z.literal(true).optional(),
});
export type TSubscribeRequest = z.infer<typeof ZSubscribeRequest>;

export type TAck<T> = { ok: true; data: T } | { ok: false; error: string };

export interface TServerToClientEvents {
  "city:snapshot": (snapshot: TCitySnapshot) => void;
  "city:delta": (delta: TCityDelta) => void;
  /** The same as "city:delta", as columns, to clients that asked for them (`columns` in the subscribe request). */
  "city:columns": (delta: TColumnarDelta) => void;
  /** Every few seconds while something changed, to clients whose view is an overview. */
  "city:summaries": (summaries: TCitySummaries) => void;
  "ingest:stats": (stats: TIngestStats) => void;
  /** An alert's new state (opened, updated by the engine, or changed by someone); operators and supervisors only. */
  "alert:upsert": (alert: TAlert) => void;
  /** An incident's new state (created, status changed, alert linked); operators and supervisors only. */
  "incident:upsert": (incident: TIncident) => void;
  /** A unit's new state (dispatched, status change, managed); operators and supervisors only. */
  "unit:upsert": (unit: TResponderUnit) => void;
  /** The whole live set of other agencies' warnings, after any change to it; operators and supervisors only. */
  "cap:warnings": (list: TCapWarningList) => void;
  /** To the crew of one unit only (their user rooms): their assignment changed, refetch it. */
  "assignment:changed": (notice: TAssignmentNotice) => void;
  /** Zones were created, changed, removed or imported: every signed-in role refetches GET /api/zones. */
  "zones:changed": () => void;
}

export interface TClientToServerEvents {
  /** Replace the set of layers this client receives; answers with a fresh snapshot. */
  "city:subscribe": (request: TSubscribeRequest, ack: (response: TAck<TCitySnapshot | TColumnarSnapshot>) => void) => void;
  /**
   * The map moved: answers with what the new view adds (a snapshot with `partial: true` and the tiles newly in
   * view) or, on entering an overview, its summaries. Entities that left the view are the client's to drop.
   */
  "city:viewport": (viewport: TViewport, ack: (response: TAck<TCitySnapshot | TColumnarSnapshot>) => void) => void;
}
