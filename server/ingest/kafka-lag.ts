import type { Admin } from "kafkajs";

export type TLagTracker = ReturnType<typeof createLagTracker>;

/**
 * Consumer lag of one group member: per owned topic-partition, messages between the
 * next offset to process and the high watermark. Batches report progress as they go
 * (`set`); `refresh` re-reads committed offsets and high watermarks from the brokers,
 * so lag also grows while the consumer is stuck or idle between fetches.
 */
export function createLagTracker(options: { admin: Admin; groupId: string; topics: string[]; fromBeginning: boolean }) {
  /** "topic:partition" → messages behind. */
  const lagByPartition = new Map<string, number>();
  /** Partitions this member owns; null until the first group join (then: the whole group's view). */
  let owned: Set<string> | null = null;

  return {
    set(topic: string, partition: number, lag: number): void {
      lagByPartition.set(`${topic}:${partition}`, lag);
    },

    /** From kafkajs' GROUP_JOIN `memberAssignment`: { topic: partitions[] }. */
    assign(memberAssignment: Record<string, number[]>): void {
      owned = new Set(Object.entries(memberAssignment).flatMap(([topic, partitions]) => partitions.map((p) => `${topic}:${p}`)));
      for (const key of lagByPartition.keys()) if (!owned.has(key)) lagByPartition.delete(key);
    },

    async refresh(): Promise<void> {
      // Committed first, ends second: a message arriving in between over-reports lag briefly, never under.
      const committed = await options.admin.fetchOffsets({ groupId: options.groupId, topics: options.topics });
      for (const { topic, partitions } of committed) {
        for (const end of await options.admin.fetchTopicOffsets(topic)) {
          const key = `${topic}:${end.partition}`;
          if (owned && !owned.has(key)) continue;
          const offset = partitions.find((p) => p.partition === end.partition)?.offset ?? "-1";
          // No commit yet: the group will start at the oldest or the newest message.
          const next = BigInt(offset) >= 0n ? offset : options.fromBeginning ? end.low : end.high;
          lagByPartition.set(key, Math.max(0, Number(BigInt(end.high) - BigInt(next))));
        }
      }
    },

    total(): number {
      let sum = 0;
      for (const lag of lagByPartition.values()) sum += lag;
      return sum;
    },
  };
}
