import type { TAlertSignal } from "@/lib/contracts/rules";

type TSignalQueue = {
  /** Synchronous and cheap: safe to call from a city-state listener on the ingest hot path. */
  push(signals: readonly TAlertSignal[]): void;
  /** Resolves once everything pushed so far is written (tests, shutdown). */
  flush(): Promise<void>;
  pending(): number;
  /** Drops what waits (not a batch being written); returns how many. */
  discard(): number;
  stop(): Promise<void>;
};

type TSignalQueueOptions = {
  write: (batch: TAlertSignal[]) => Promise<void>;
  /** How long signals gather before a write: one transaction per batch, not per signal. */
  batchMs?: number;
  maxBatch?: number;
  onError?: (error: unknown) => void;
};

const MAX_RETRY_DELAY_MS = 5_000;

/**
 * Takes alert signals off the ingest path and writes them in batches, one batch at a time, in order.
 * A failed batch (database away) is retried with backoff, ahead of anything newer; that is safe
 * because every write is idempotent (opens conflict on the dedup key, updates never go backwards).
 */
export function createSignalQueue(options: TSignalQueueOptions): TSignalQueue {
  const batchMs = options.batchMs ?? 100;
  const maxBatch = options.maxBatch ?? 1_000;
  let queue: TAlertSignal[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let retryDelayMs = 0;
  let stopped = false;

  const schedule = (delayMs: number) => {
    if (timer || running || stopped || queue.length === 0) return;
    timer = setTimeout(() => {
      timer = undefined;
      running = drain().finally(() => {
        running = undefined;
        schedule(retryDelayMs || batchMs);
      });
    }, delayMs);
  };

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      try {
        await options.write(batch);
        queue = queue.slice(batch.length);
        retryDelayMs = 0;
      } catch (error) {
        (options.onError ?? ((e) => console.error("[alerts] writing alert signals failed, will retry:", e)))(error);
        retryDelayMs = Math.min(MAX_RETRY_DELAY_MS, Math.max(100, retryDelayMs * 2));
        return;
      }
    }
  }

  return {
    push(signals) {
      if (signals.length === 0 || stopped) return;
      for (const s of signals) queue.push(s);
      schedule(batchMs);
    },
    async flush() {
      for (let attempt = 0; attempt < 50 && (queue.length > 0 || running); attempt++) {
        if (timer) {
          clearTimeout(timer);
          timer = undefined;
        }
        if (!running) running = drain().finally(() => (running = undefined));
        await running;
      }
      if (queue.length > 0) throw new Error(`alert signals still pending after flush (${queue.length})`);
    },
    pending: () => queue.length,
    discard() {
      const dropped = queue.length;
      queue = [];
      return dropped;
    },
    async stop() {
      await this.flush().catch((error: unknown) => console.error("[alerts] unwritten alert signals at shutdown:", error));
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
