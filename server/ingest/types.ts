import type { TCityEvent, TUnitStatus } from "@/lib/contracts/events";
import type { TIngestSource, TMqttStatus, TSourceStatus } from "@/lib/contracts/realtime";

/** A message as it arrives from any source (Kafka record, simulator, MQTT publish). */
export type TRawMessage = {
  topic: string;
  partition: number;
  /** Kafka offset as a string (int64); a running counter for non-Kafka sources. */
  offset: string;
  key?: string | null;
  /** The key's exact bytes where the source has bytes (Kafka); a replay sends them back as they were. */
  keyBytes?: Buffer | null;
  value: Buffer | string | null;
  /** The dead letter this message replays (Kafka header x-dlq-replayed): failing again updates that letter. */
  replayOf?: string;
  /**
   * Where the message really came from when that is not a Kafka partition (an MQTT publish): its dead letter names
   * this as its source. `topic` above is then the domain's Kafka topic, so the topic check applies as to Kafka's.
   */
  origin?: TMessageOrigin;
};

/** A dead letter sent back to its source topic: its original key and value bytes. */
export type TReplayMessage = { deadLetterId: string; topic: string; key: Buffer | null; value: Buffer | null };

/**
 * An MQTT publish: its topic names the entity (the payload must agree, or takes it when it names none).
 * `problem`: the topic itself is unusable (it names no known domain), so the message is a dead letter whatever it holds.
 */
export type TMessageOrigin = { kind: "mqtt"; topic: string; entityId: string; problem?: string };

/** Why a message was rejected and where it came from. */
export type TDeadLetter = {
  reason: string;
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  /** The original payload as text for reading: sanitised (no NUL, valid UTF-16) and truncated for storage. */
  payload: string | null;
  /** The original bytes, truncated for storage (the dead-letter topic carries them whole). */
  payloadBytes?: Uint8Array | null;
  /** Size of the original payload in bytes, before any truncation. */
  payloadSize?: number | null;
  /** The key's exact bytes, truncated like the payload's. */
  keyBytes?: Uint8Array | null;
  /** The entity the message names (its JSON entityId, else its key), when it names one. */
  entityId?: string | null;
  /** The dead letter the message replayed: the store updates that one instead of adding a letter. */
  replayOf?: string | null;
  receivedAt: Date;
  /**
   * The source that read it, when not the app's event source (an MQTT publish beside Kafka). `topic` is then that
   * source's address (the MQTT topic); partition and offset are the reader's running count, not a Kafka position.
   */
  sourceKind?: TIngestSource;
};

/** A replayed dead letter that passed validation: the letter its header named, and the topic it came back on. */
export type TAcceptedReplay = { deadLetterId: string; topic: string };

export type TIngestOutcome = {
  accepted: TCityEvent[];
  rejected: TDeadLetter[];
};

/** Validates a batch, applies the valid events to city state, records the rest. */
export interface TIngestSink {
  ingestBatch(messages: readonly TRawMessage[]): Promise<TIngestOutcome>;
}

/** Where events come from. Kafka, the embedded simulator and MQTT all implement this. */
export interface TEventSource {
  readonly kind: TIngestSource;
  start(sink: TIngestSink): Promise<void>;
  stop(): Promise<void>;
  /** Total messages behind the high watermarks, or null when the source has no such notion. */
  consumerLag(): number | null;
  /**
   * Puts messages on the same path as the source's own (Kafka: produced to their topic; simulator: straight
   * into the pipeline), e.g. a crew's phone position as a UnitPosition event on city.units.
   */
  inject(messages: readonly { topic: string; key: string; value: string }[]): Promise<void>;
  /**
   * Sends dead letters back through the source (Kafka: produced to their topic with the x-dlq-replayed header;
   * in-process sources: straight into the pipeline), resolving once the source took them. Absent: cannot replay.
   */
  replay?(messages: readonly TReplayMessage[]): Promise<void>;
  /** Present on the simulator only. */
  readonly units?: TUnitDriver;
  /** Broker and consumer state, restarts, per-partition lag and staleness. Absent: the source reports nothing (test sources). */
  status?(): TSourceStatus;
  /** Whether this instance is consuming and caught up; `detail` says why not. Absent: always ready. */
  readiness?(): TSourceReadiness;
  /** The MQTT source only: its connection to the broker, as the status bar and /metrics show it. */
  mqttStatus?(): TMqttStatus;
  /** Kafka only: called when this instance is assigned partitions (another instance may have owned them). */
  onPartitionsAssigned?(listener: () => void): void;
}

/** Same shape as a readiness check of /api/health/ready. */
export type TSourceReadiness = { ok: boolean; detail?: string };

/**
 * Moves simulated units (the embedded simulator only: real units report their own positions).
 * Dispatch calls it so the whole loop is visible without any external system.
 */
export interface TUnitDriver {
  /** Drive the unit along `route` at `speedKmh`, reporting `status` in its UnitPosition events; stop at the end. */
  drive(unitId: string, route: readonly [number, number][], options: { speedKmh: number; status: TUnitStatus }): void;
  /** Drive back to its home station (reporting "returning"), then stand by there. */
  returnToStation(unitId: string, options: { status: TUnitStatus }): void;
  /** The status its next UnitPosition events report (the unit keeps doing what it does). */
  setStatus(unitId: string, status: TUnitStatus): void;
  /** Called when a driven unit reaches the end of its route or its station. Returns an unsubscribe. */
  onArrival(listener: (unitId: string, at: "scene" | "station") => void): () => void;
  /** A real device (a crew's phone) reports this unit's position: stop simulating it for a while. */
  trackedExternally(unitId: string): void;
}
