import type { TDeadLetterStoreStatus } from "@/lib/contracts/realtime";
import { toMinimalDeadLetter } from "./dead-letter-record";
import type { TDeadLetter } from "./types";

/**
 * Dead letters on their way to PostgreSQL, off the ingest path: the pipeline only enqueues (never
 * waits for the database), and one background writer stores them in batches. While PostgreSQL is
 * unreachable the letters wait, bounded, and the writer retries with backoff; nothing a sender puts in
 * a message can make it retry forever (a refused batch is retried row by row, a refused row once in a
 * minimal form, then dropped and counted). At the bound the oldest waiting letters are dropped and
 * counted; on Kafka the city.deadletter topic still holds them.
 */

const DEFAULT_DEAD_LETTER_BUFFER_MAX = 50_000;
/** Also bounded by size: a flood of 64 KB garbage during an outage must not exhaust memory. */
const DEFAULT_DEAD_LETTER_BUFFER_MAX_BYTES = 64 * 1024 * 1024;
const DEFAULT_BATCH_SIZE = 500;
const DEFAULT_RETRY = { initialMs: 250, maxMs: 15_000 };
const DEFAULT_STOP_TIMEOUT_MS = 5_000;
const DROP_LOG_EVERY_MS = 10_000;
/** Rough per-letter overhead (object, dates, numbers) on top of its texts and bytes. */
const LETTER_OVERHEAD_BYTES = 200;

export type TDeadLetterBufferOptions = {
  /** Stores letters all or nothing (one statement). May fail; must not hang (the pool has timeouts). */
  store: (letters: TDeadLetter[]) => Promise<void>;
  /**
   * Whether the database answers at all: tells an outage (keep waiting, retry) from a refused record
   * (fall back row by row). Stores that cannot be down may answer true.
   */
  isReachable: () => Promise<boolean>;
  /** Letters waiting at most (DEAD_LETTER_BUFFER_MAX); past it the oldest are dropped. */
  maxWaiting?: number;
  maxWaitingBytes?: number;
  batchSize?: number;
  retry?: { initialMs: number; maxMs: number };
  log?: (message: string, details?: Record<string, unknown>) => void;
};

/** The contract type: the control room shows these counters as they are. */
export type TDeadLetterBufferStats = TDeadLetterStoreStatus;

export type TDeadLetterBuffer = {
  /** Synchronous and never throws: the ingest path hands letters over and moves on. */
  enqueue(letters: readonly TDeadLetter[]): void;
  stats(): TDeadLetterBufferStats;
  /** Writes now (skipping any backoff wait) and resolves once nothing is waiting. */
  flush(): Promise<void>;
  /** Writes what it can within the timeout, then stops the writer; resolves with how many letters were left unstored. */
  stop(options?: { timeoutMs?: number }): Promise<{ unstored: number }>;
};

export function createDeadLetterBuffer(options: TDeadLetterBufferOptions): TDeadLetterBuffer {
  const maxWaiting = options.maxWaiting ?? DEFAULT_DEAD_LETTER_BUFFER_MAX;
  const maxWaitingBytes = options.maxWaitingBytes ?? DEFAULT_DEAD_LETTER_BUFFER_MAX_BYTES;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const retry = options.retry ?? DEFAULT_RETRY;
  const log = options.log ?? ((message, details) => console.warn(`dead letters: ${message}`, details ?? ""));

  const queue: TDeadLetter[] = [];
  let queuedBytes = 0;
  let inFlight = 0;
  const counts = { stored: 0, storedMinimal: 0, droppedAtBound: 0, unstorable: 0 };
  let unreachableSince: Date | null = null;
  let lastDropLogAt = -Infinity;
  let backoffMs = retry.initialMs;
  let backoffTimer: ReturnType<typeof setTimeout> | undefined;
  let wakeFromBackoff: (() => void) | undefined;
  let writer: Promise<void> | undefined;
  let isStopped = false;
  const idleWaiters: (() => void)[] = [];

  function enforceBound(): void {
    let drop = 0;
    let bytes = queuedBytes;
    while (drop < queue.length && (queue.length - drop > maxWaiting || bytes > maxWaitingBytes)) bytes -= sizeOf(queue[drop++]);
    if (drop === 0) return;
    queue.splice(0, drop);
    queuedBytes = bytes;
    counts.droppedAtBound += drop;
    // A flood during an outage drops on every batch: say so now and then, not every time.
    if (Date.now() - lastDropLogAt < DROP_LOG_EVERY_MS) return;
    lastDropLogAt = Date.now();
    log("buffer full, oldest letters dropped", { droppedAtBound: counts.droppedAtBound, maxWaiting, maxWaitingBytes });
  }

  function take(): TDeadLetter[] {
    const batch = queue.splice(0, batchSize);
    for (const letter of batch) queuedBytes -= sizeOf(letter);
    return batch;
  }

  /** Back to the front, oldest first, and subject to the bound like any waiting letter. */
  function putBack(letters: TDeadLetter[]): void {
    queue.unshift(...letters);
    for (const letter of letters) queuedBytes += sizeOf(letter);
    enforceBound();
  }

  function startWriter(): void {
    if (writer || isStopped) return;
    writer = drain()
      .catch((error: unknown) => log("writer failed unexpectedly", { error: messageOf(error) }))
      .finally(() => {
        writer = undefined;
        if (queue.length > 0 && !isStopped) startWriter();
        else for (const resolve of idleWaiters.splice(0)) resolve();
      });
  }

  async function drain(): Promise<void> {
    while (queue.length > 0 && !isStopped) {
      const batch = take();
      inFlight = batch.length;
      const outcome = await writeBatch(batch).finally(() => (inFlight = 0));
      if (outcome.unreachableFrom === undefined) {
        backOnline();
        continue;
      }
      putBack(batch.slice(outcome.unreachableFrom));
      await waitBeforeRetry();
    }
  }

  /** Stores the batch; `unreachableFrom` is the first letter not settled when the database went away. */
  async function writeBatch(batch: TDeadLetter[]): Promise<{ unreachableFrom?: number }> {
    try {
      await options.store(batch);
      counts.stored += batch.length;
      return {};
    } catch (error) {
      if (!(await reachable(error))) return { unreachableFrom: 0 };
    }
    // The database answers but refused the batch: find the letter(s) it refuses, store the rest.
    for (let i = 0; i < batch.length; i++) {
      const row = await writeRow(batch[i]);
      if (row === "unreachable") return { unreachableFrom: i };
    }
    return {};
  }

  async function writeRow(letter: TDeadLetter): Promise<"settled" | "unreachable"> {
    try {
      await options.store([letter]);
      counts.stored++;
      return "settled";
    } catch (error) {
      if (!(await reachable(error))) return "unreachable";
      log("record refused, storing it in minimal form", { offset: letter.offset, topic: letter.topic, error: messageOf(error) });
    }
    try {
      await options.store([toMinimalDeadLetter(letter)]);
      counts.stored++;
      counts.storedMinimal++;
      return "settled";
    } catch (error) {
      if (!(await reachable(error))) return "unreachable";
      counts.unstorable++;
      log("record refused even in minimal form, dropped", { offset: letter.offset, topic: letter.topic, error: messageOf(error) });
      return "settled";
    }
  }

  async function reachable(cause: unknown): Promise<boolean> {
    const isUp = await options.isReachable().catch(() => false);
    if (!isUp && !unreachableSince) {
      unreachableSince = new Date();
      log("database unreachable, letters wait and are retried", { waiting: queue.length + inFlight, error: messageOf(cause) });
    }
    return isUp;
  }

  function backOnline(): void {
    backoffMs = retry.initialMs;
    if (!unreachableSince) return;
    log("database reachable again", { unreachableSince: unreachableSince.toISOString() });
    unreachableSince = null;
  }

  function waitBeforeRetry(): Promise<void> {
    if (isStopped) return Promise.resolve();
    const delay = backoffMs;
    backoffMs = Math.min(backoffMs * 2, retry.maxMs);
    return new Promise((resolve) => {
      wakeFromBackoff = () => {
        clearTimeout(backoffTimer);
        backoffTimer = undefined;
        wakeFromBackoff = undefined;
        resolve();
      };
      backoffTimer = setTimeout(wakeFromBackoff, delay);
      backoffTimer.unref?.();
    });
  }

  function whenIdle(): Promise<void> {
    if (queue.length === 0 && inFlight === 0 && !writer) return Promise.resolve();
    return new Promise((resolve) => idleWaiters.push(resolve));
  }

  function flush(): Promise<void> {
    if (isStopped) return Promise.resolve();
    const idle = whenIdle();
    wakeFromBackoff?.();
    startWriter();
    return idle;
  }

  async function stop({ timeoutMs = DEFAULT_STOP_TIMEOUT_MS } = {}): Promise<{ unstored: number }> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([flush(), deadline]);
    clearTimeout(timer);
    isStopped = true;
    wakeFromBackoff?.();
    // The write in flight must end before the caller closes the database under it.
    await writer;
    const unstored = queue.length;
    if (unstored > 0) log("stopped with letters unstored (on Kafka the dead-letter topic still holds them)", { unstored });
    for (const resolve of idleWaiters.splice(0)) resolve();
    return { unstored };
  }

  return {
    enqueue(letters) {
      if (letters.length === 0) return;
      for (const letter of letters) {
        queue.push(letter);
        queuedBytes += sizeOf(letter);
      }
      enforceBound();
      // Later in this tick, so the letters of several batches go to PostgreSQL in one statement.
      if (!writer) queueMicrotask(startWriter);
    },
    stats: () => ({ waiting: queue.length + inFlight, ...counts, unreachableSince: unreachableSince?.toISOString() ?? null }),
    flush,
    stop,
  };
}

function sizeOf(letter: TDeadLetter): number {
  const texts = letter.reason.length + letter.topic.length + (letter.key?.length ?? 0) + (letter.payload?.length ?? 0);
  return LETTER_OVERHEAD_BYTES + 2 * texts + (letter.payloadBytes?.length ?? 0) + (letter.keyBytes?.length ?? 0);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
