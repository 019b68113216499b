import type { Admin } from "kafkajs";
import type { TPartitionStatus } from "@/lib/contracts/realtime";

/** High-watermark sightings kept per partition; past this every other one is dropped (never the first). */
const MAX_SIGHTINGS = 32;

/** Where a batch got to: the next offset to process, the partition's end, and the Kafka timestamp of the next message if the batch holds it. */
export type TBatchProgress = { nextOffset: string; highWatermark: string; nextTimestamp: string | null };

type TPartitionState = {
  topic: string;
  partition: number;
  low: bigint;
  high: bigint | null;
  /** Next offset this member will process. */
  next: bigint | null;
  /** Where consumption started after the last assignment, for a partition without a committed offset. */
  start: bigint | null;
  /** Kafka timestamp (ms) of the message at `offset`, known once a fetched batch held it. */
  nextTimestamp: { offset: bigint; ms: number } | null;
  /** A batch of this partition arrived since the last assignment. */
  hasFetched: boolean;
  /** Bumped by batch progress: a lag refresh that overlapped it keeps the batch's newer position. */
  version: number;
  /** When each higher high watermark was first seen, ascending; only those above `next` matter. */
  sightings: { high: bigint; at: number }[];
};

/**
 * Lag and staleness of one group member's partitions.
 * Lag: messages between the next offset to process and the high watermark, where "next" is the committed
 * offset, or — nothing committed yet — where consumption started (the first fetched offset, else the
 * oldest or newest offset at assignment, as KAFKA_OFFSET_RESET says), never below the oldest retained offset.
 * Staleness: the age of the oldest unprocessed message, exact from its Kafka timestamp once a batch
 * held it, and otherwise a lower bound: the time since a high watermark above it was first seen.
 * Batches report progress as they go; `refresh` re-reads committed offsets and watermarks from the
 * brokers, so both keep moving while the consumer is stuck, crashed or between fetches.
 */
export function createLagTracker(options: {
  admin: Admin;
  groupId: string;
  topics: string[];
  fromBeginning: boolean;
  /** Where consumption of an uncommitted partition starts when the source chose it (a bootstrap replay). */
  startOffset?: (topic: string, partition: number) => string | undefined;
  now?: () => number;
}) {
  const now = options.now ?? Date.now;
  const byKey = new Map<string, TPartitionState>();
  /** Partitions this member owns; null until the first group join (then: the whole group's view). */
  let owned: Set<string> | null = null;
  let assignedAt: number | null = null;
  let refreshedAt: number | null = null;

  function entry(topic: string, partition: number): TPartitionState {
    const key = `${topic}:${partition}`;
    let state = byKey.get(key);
    if (!state) {
      state = {
        topic,
        partition,
        low: 0n,
        high: null,
        next: null,
        start: null,
        nextTimestamp: null,
        hasFetched: false,
        version: 0,
        sightings: [],
      };
      byKey.set(key, state);
    }
    return state;
  }

  function isOwned(topic: string, partition: number): boolean {
    return owned === null || owned.has(`${topic}:${partition}`);
  }

  function sawHigh(state: TPartitionState, high: bigint, at: number): void {
    if (state.high === null || high > state.high) state.high = high;
    const last = state.sightings.at(-1);
    if (!last || high > last.high) state.sightings.push({ high, at });
    if (state.sightings.length > MAX_SIGHTINGS) {
      // Dropping a sighting only makes later ones answer for it: ages stay lower bounds.
      state.sightings = state.sightings.filter((_, i, all) => i === 0 || i === all.length - 1 || i % 2 === 0);
    }
  }

  function effectiveNext(state: TPartitionState): bigint | null {
    if (state.next === null) return null;
    // Below the oldest retained offset nothing is left to read (kafkajs resets there).
    // biome-ignore lint/complexity/useMathMinMax: bigint offsets; Math.max takes numbers only.
    return state.next > state.low ? state.next : state.low;
  }

  function lagOf(state: TPartitionState): number | null {
    const next = effectiveNext(state);
    if (next === null || state.high === null) return null;
    return Math.max(0, Number(state.high - next));
  }

  function oldestWaitingMs(state: TPartitionState, at: number): number | null {
    const next = effectiveNext(state);
    if (next === null || !lagOf(state)) return null;
    const firstSeen = state.sightings.find((s) => s.high > next)?.at ?? at;
    let age = at - firstSeen;
    if (state.nextTimestamp?.offset === next) age = Math.max(age, at - state.nextTimestamp.ms);
    return Math.max(0, age);
  }

  function forgetProcessed(state: TPartitionState): void {
    const next = effectiveNext(state);
    if (next === null) return;
    while (state.sightings.length > 0 && state.sightings[0].high <= next) state.sightings.shift();
  }

  return {
    /** From kafkajs' GROUP_JOIN `memberAssignment`: { topic: partitions[] }. */
    assign(memberAssignment: Record<string, number[]>): void {
      owned = new Set(Object.entries(memberAssignment).flatMap(([topic, partitions]) => partitions.map((p) => `${topic}:${p}`)));
      for (const [key, state] of byKey) {
        if (!owned.has(key)) byKey.delete(key);
        else Object.assign(state, { start: null, hasFetched: false });
      }
      for (const [topic, partitions] of Object.entries(memberAssignment)) for (const p of partitions) entry(topic, p);
      assignedAt = now();
    },

    progress(topic: string, partition: number, progress: TBatchProgress): void {
      if (!isOwned(topic, partition)) return;
      const state = entry(topic, partition);
      const at = now();
      state.next = BigInt(progress.nextOffset);
      state.hasFetched = true;
      state.version++;
      state.nextTimestamp = progress.nextTimestamp === null ? null : { offset: state.next, ms: Number(progress.nextTimestamp) };
      sawHigh(state, BigInt(progress.highWatermark), at);
      forgetProcessed(state);
    },

    async refresh(): Promise<void> {
      const versions = new Map([...byKey].map(([key, state]) => [key, state.version]));
      // Committed first, ends second: a message arriving in between over-reports lag briefly, never under.
      const committed = await options.admin.fetchOffsets({ groupId: options.groupId, topics: options.topics });
      for (const { topic, partitions } of committed) {
        for (const end of await options.admin.fetchTopicOffsets(topic)) {
          if (!isOwned(topic, end.partition)) continue;
          const state = entry(topic, end.partition);
          state.low = BigInt(end.low);
          sawHigh(state, BigInt(end.high), now());
          if (versions.has(`${topic}:${end.partition}`) && state.version !== versions.get(`${topic}:${end.partition}`)) continue;
          const offset = BigInt(partitions.find((p) => p.partition === end.partition)?.offset ?? "-1");
          if (offset >= 0n) state.next = offset;
          else if (!state.hasFetched) {
            const chosen = options.startOffset?.(topic, end.partition);
            state.start ??= chosen !== undefined ? BigInt(chosen) : options.fromBeginning ? BigInt(end.low) : BigInt(end.high);
            state.next = state.start;
          } // else: the first batch is still in the sink, and its progress is the best position known
          forgetProcessed(state);
        }
      }
      refreshedAt = now();
    },

    total(): number {
      let sum = 0;
      for (const state of byKey.values()) sum += lagOf(state) ?? 0;
      return sum;
    },

    partitions(): TPartitionStatus[] {
      const at = now();
      return [...byKey.values()]
        .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition)
        .map((state) => ({
          topic: state.topic,
          partition: state.partition,
          lag: lagOf(state),
          oldestWaitingMs: oldestWaitingMs(state, at),
        }));
    },

    /**
     * Caught up: the lag was read since the last assignment, and no partition has a message waiting
     * longer than `maxWaitingMs` — or waiting at all before its first fetch, when its age is unknown.
     */
    caughtUp(maxWaitingMs: number): { ok: boolean; detail?: string } {
      if (assignedAt === null) return { ok: false, detail: "no partitions assigned yet" };
      if (refreshedAt === null || refreshedAt < assignedAt) return { ok: false, detail: "lag not read yet" };
      const at = now();
      let worst = 0;
      for (const state of byKey.values()) {
        if (!lagOf(state)) continue;
        if (!state.hasFetched) return { ok: false, detail: "catching up: not fetched yet" };
        worst = Math.max(worst, oldestWaitingMs(state, at) ?? 0);
      }
      return worst > maxWaitingMs
        ? { ok: false, detail: `catching up: oldest message waiting ${Math.round(worst / 1000)} s` }
        : { ok: true };
    },
  };
}
