import type { TIngestSource, TIngestStats, TSourceStatus } from "@/lib/contracts/realtime";

const WINDOW_SECONDS = 5;

/** Counters behind the live figures: events/s over a sliding window, totals, dead letters. */
export class IngestStats {
  private totalEvents = 0;
  private deadLettered = 0;
  private lastEventAt: string | null = null;
  /** Accepted events per whole second, a ring of WINDOW_SECONDS + 1 slots. */
  private readonly buckets = new Array<number>(WINDOW_SECONDS + 1).fill(0);
  private bucketSecond = 0;

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

  /** Mean over the last WINDOW_SECONDS complete seconds. */
  eventsPerSecond(): number {
    const current = this.currentSlot();
    let sum = 0;
    for (let i = 0; i < this.buckets.length; i++) if (i !== current) sum += this.buckets[i];
    return Math.round(sum / WINDOW_SECONDS);
  }

  read(source: TIngestSource, consumerLag: number | null, sourceStatus: TSourceStatus | null = null): TIngestStats {
    return {
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
