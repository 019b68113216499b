import type { Admin } from "kafkajs";

/** One partition's ends and where a fresh instance starts reading it. */
export type TBootstrapPartition = { topic: string; partition: number; start: bigint; target: bigint };

export type TBootstrapPlan = {
  partitions: TBootstrapPartition[];
  /** False when the broker could not look offsets up by time (librdkafka's mock): each partition replays from its oldest offset. */
  isByTimestamp: boolean;
};

/** A partition's ends and the broker's answers to "first offset at or after time t" (kafkajs gives the end where there is none). */
export type TPartitionOffsets = { partition: number; low: bigint; high: bigint; atCutoff: bigint; atEpoch: bigint };

/**
 * Where each partition's replay starts: the first message of the last `replaySeconds`. A broker that
 * implements lookups by time answers "the first message at or after 1 ms past the epoch" with the oldest
 * one; one that does not answers with the end, which would replay nothing and leave the instance
 * without the quiet entities — so then the whole retained partition is replayed instead.
 */
export function chooseBootstrapStarts(offsets: readonly TPartitionOffsets[]): { starts: Map<number, bigint>; isByTimestamp: boolean } {
  const isByTimestamp = offsets.every((p) => p.high === p.low || p.atEpoch < p.high);
  const starts = new Map(offsets.map((p) => [p.partition, isByTimestamp ? clamp(p.atCutoff, p.low, p.high) : p.low]));
  return { starts, isByTimestamp };
}

/** Reads every partition's ends and the offsets at `now − replaySeconds`; the ends are the targets readiness waits for. */
export async function planBootstrap(
  admin: Admin,
  options: { topics: string[]; replaySeconds: number; now?: number },
): Promise<TBootstrapPlan> {
  const cutoffMs = (options.now ?? Date.now()) - options.replaySeconds * 1000;
  const partitions: TBootstrapPartition[] = [];
  let isByTimestamp = true;
  for (const topic of options.topics) {
    const [ends, atCutoff, atEpoch] = await Promise.all([
      admin.fetchTopicOffsets(topic),
      admin.fetchTopicOffsetsByTimestamp(topic, cutoffMs),
      admin.fetchTopicOffsetsByTimestamp(topic, 1),
    ]);
    const offsetOf = (answers: { partition: number; offset: string }[], partition: number, fallback: string) =>
      BigInt(answers.find((a) => a.partition === partition)?.offset ?? fallback);
    const offsets = ends.map((end) => ({
      partition: end.partition,
      low: BigInt(end.low),
      high: BigInt(end.high),
      atCutoff: offsetOf(atCutoff, end.partition, end.high),
      atEpoch: offsetOf(atEpoch, end.partition, end.high),
    }));
    const chosen = chooseBootstrapStarts(offsets);
    isByTimestamp &&= chosen.isByTimestamp;
    for (const p of offsets) {
      partitions.push({ topic, partition: p.partition, start: chosen.starts.get(p.partition) ?? p.low, target: p.high });
    }
  }
  return { partitions, isByTimestamp };
}

/**
 * Where this instance is in each partition since it started: the bootstrap start until a batch moves it on.
 * A fresh consumer (after a crash) is sent to these positions, so it neither skips the rest of the replay
 * nor replays again. Caught up once every partition reached the end it had when the instance joined.
 */
export function createBootstrapProgress(plan: TBootstrapPlan) {
  const byKey = new Map(plan.partitions.map((p) => [`${p.topic}:${p.partition}`, { ...p, next: p.start }]));
  return {
    positions: () => [...byKey.values()].map(({ topic, partition, next }) => ({ topic, partition, offset: next.toString() })),
    progress(topic: string, partition: number, nextOffset: string): void {
      const state = byKey.get(`${topic}:${partition}`);
      if (state && BigInt(nextOffset) > state.next) state.next = BigInt(nextOffset);
    },
    caughtUp(): { ok: boolean; detail?: string } {
      let behind = 0n;
      for (const state of byKey.values()) if (state.next < state.target) behind += state.target - state.next;
      return behind === 0n ? { ok: true } : { ok: false, detail: `bootstrapping: ${behind} messages to replay` };
    },
  };
}

export type TBootstrapProgress = ReturnType<typeof createBootstrapProgress>;

function clamp(value: bigint, low: bigint, high: bigint): bigint {
  return value < low ? low : value > high ? high : value;
}
