/** One running consumer, as the supervisor sees it. */
export type TSupervisedRun = {
  /** Settles when this consumer stopped for good (it will not restart itself), with the reason. */
  crashed: Promise<Error>;
  stop(): Promise<void>;
};

export type TBackoff = { initialMs: number; maxMs: number };

const RESTART_BACKOFF_DEFAULT: TBackoff = { initialMs: 1_000, maxMs: 30_000 };

type TSupervisorOptions = {
  /** Starts one fresh consumer; rejects when it could not start. */
  start(): Promise<TSupervisedRun>;
  backoff?: TBackoff;
  /** A consumer crashed, or could not start; the next one starts in `retryInMs`. */
  onFailure(error: Error, retryInMs: number): void;
  /** A fresh consumer is being started after a failure. */
  onRestart(): void;
  /** Asked at each failure: a run that proved itself resets the backoff to its start. */
  wasStable(): boolean;
};

/**
 * Keeps one consumer running: whenever it crashes for good or cannot start, a fresh one is started after
 * a backoff (doubling up to the maximum, reset by a stable run), for as long as the source runs — giving up
 * would leave the map frozen; the status says when it keeps failing.
 * `started` settles once the first consumer is running or its start failed (retries go on in the background).
 */
export function superviseConsumer(options: TSupervisorOptions): { started: Promise<void>; stop(): Promise<void> } {
  const backoff = options.backoff ?? RESTART_BACKOFF_DEFAULT;
  let isStopping = false;
  let wakeUp: () => void = () => {};
  const stopRequested = new Promise<void>((resolve) => (wakeUp = resolve));
  let firstSettled!: () => void;
  const started = new Promise<void>((resolve) => (firstSettled = resolve));

  async function loop(): Promise<void> {
    let failures = 0;
    while (!isStopping) {
      if (failures > 0) options.onRestart();
      let error: Error;
      try {
        const run = await options.start();
        firstSettled();
        if (isStopping) {
          await run.stop();
          return;
        }
        const crash = await Promise.race([run.crashed, stopRequested.then(() => null)]);
        if (crash === null) {
          await run.stop();
          return;
        }
        error = crash;
      } catch (thrown) {
        firstSettled();
        error = thrown instanceof Error ? thrown : new Error(String(thrown));
      }
      if (isStopping) return;
      failures = options.wasStable() ? 1 : failures + 1;
      const retryInMs = Math.min(backoff.initialMs * 2 ** (failures - 1), backoff.maxMs);
      options.onFailure(error, retryInMs);
      await Promise.race([new Promise((resolve) => setTimeout(resolve, retryInMs).unref()), stopRequested]);
    }
  }

  const running = loop();
  return {
    started,
    async stop() {
      isStopping = true;
      wakeUp();
      firstSettled();
      await running;
    },
  };
}
