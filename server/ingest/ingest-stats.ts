import type { TIngestSource, TIngestStats, TSourceStatus } from "@/lib/contracts/realtime";
import { INSTANCE_ID } from "@/server/cluster/instance-id";

const WINDOW_SECONDS = 5;

export type TEventOutcome = "accepted" | "dead_lettered";

/** Counters behind the live figures: events/s over a sliding window, totals, dead letters. */
export class IngestStats {
  private totalEvents = 0;
  private deadLettered = 0;
  private lastEventAt: string | null = null;
  /** Accepted events per whole second, a ring of WINDOW_SECONDS + 1 slots. */
  private readonly buckets = new Array<number>(WINDOW_SECONDS + 1).fill(0);
  private bucketSecond = 0;
  /** Messages per topic and outcome since start, for /metrics (topics are the source's fixed set). */
  private readonly byTopic = new Map<string, Record<TEventOutcome, number>>();
  /** The last topic's counts: a batch is one topic's messages, so the map is rarely consulted on the hot path. */
  private current: { topic: string; counts: Record<TEventOutcome, number> } | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  recordAccepted(count: number, lastObservedAt?: string): void {
    if (count === 0) return;
    this.totalEvents += count;
    this.buckets[this.currentSlot()] += count;
    if (lastObservedAt) this.lastEventAt = lastObservedAt;
  }

  recordDeadLettered(count: number): void {
    this.deadLettered += count;
  }

  recordOutcome(topic: string, outcome: TEventOutcome): void {
    if (this.current?.topic !== topic) this.current = { topic, counts: this.countsOf(topic) };
    if (outcome === "accepted") this.current.counts.accepted++;
    else this.current.counts.dead_lettered++;
  }

  private countsOf(topic: string): Record<TEventOutcome, number> {
    let counts = this.byTopic.get(topic);
    if (!counts) this.byTopic.set(topic, (counts = { accepted: 0, dead_lettered: 0 }));
    return counts;
  }

  outcomesByTopic(): ReadonlyMap<string, Readonly<Record<TEventOutcome, number>>> {
    return this.byTopic;
  }

  /** Mean over the last WINDOW_SECONDS complete seconds. */
  eventsPerSecond(): number {
    const current = this.currentSlot();
    let sum = 0;
    for (let i = 0; i < this.buckets.length; i++) if (i !== current) sum += this.buckets[i];
    return Math.round(sum / WINDOW_SECONDS);
  }

  read(source: TIngestSource, consumerLag: number | null, sourceStatus: TSourceStatus | null = null): TIngestStats {
    return {
      instanceId: INSTANCE_ID,
      source,
      eventsPerSecond: this.eventsPerSecond(),
      totalEvents: this.totalEvents,
      deadLettered: this.deadLettered,
      consumerLag,
      lastEventAt: this.lastEventAt,
      sourceStatus,
    };
  }

  /** Advances the ring to the current second, zeroing the slots of seconds that passed. */
  private currentSlot(): number {
    const second = Math.floor(this.now() / 1000);
    const steps = Math.min(second - this.bucketSecond, this.buckets.length);
    for (let i = 1; i <= steps; i++) this.buckets[(this.bucketSecond + i) % this.buckets.length] = 0;
    if (steps > 0) this.bucketSecond = second;
    return this.bucketSecond % this.buckets.length;
  }
}
