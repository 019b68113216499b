import type { TLeaderPart } from "./run-while-leader";

export type TLeaderLoopOptions = {
  /** The part's name in part-placement.ts. */
  name: string;
  /** Pause between rounds; 0: never by itself (tests call the round directly, on their own clock). */
  everyMs: number;
  /**
   * One round of work. `isLeading` turns false the moment the part is stopped, so a round can end early.
   * A number returned is the pause before the next round instead of `everyMs` (0: straight on, more is waiting).
   */
  round: (isLeading: () => boolean) => Promise<unknown>;
  /** Logged on the first failure of a run of failures, then every 30th: the work waits in the database meanwhile. */
  failureMessage: string;
  /**
   * After a failed round, pause this long, doubling with each failure in a row up to `maxMs`, so nothing that
   * keeps failing loops fast. Unset: `everyMs`.
   */
  backoff?: { initialMs: number; maxMs: number };
  /** Runs once the last round has ended, when the part stops (e.g. closing a connection the rounds used). */
  afterStop?: () => Promise<void>;
  log: (message: string, error?: unknown) => void;
};

export type TLeaderLoop = { leaderWork: TLeaderPart; isLeading(): boolean };

const LOG_EVERY_NTH_FAILURE = 30;

/**
 * A leader part that works in rounds: one round, a pause of `everyMs`, the next, until stopped. Stopping cuts the
 * pause short and waits for the round in flight, so a new leader never overlaps the old one's last round here.
 */
export function createLeaderLoop(options: TLeaderLoopOptions): TLeaderLoop {
  let isLeading = false;
  let running: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  const leading = () => isLeading;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const pauseAfterFailure = (failures: number) => {
    const { backoff } = options;
    if (!backoff) return options.everyMs;
    return Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.min(failures - 1, 20));
  };

  async function loop() {
    let failures = 0;
    while (isLeading) {
      let pauseMs: number;
      try {
        const asked = await options.round(leading);
        if (failures > 0) options.log(`${options.name}: working again after ${failures} failed round(s)`);
        failures = 0;
        pauseMs = typeof asked === "number" ? asked : options.everyMs;
      } catch (error) {
        if (failures++ % LOG_EVERY_NTH_FAILURE === 0) options.log(options.failureMessage, error);
        pauseMs = pauseAfterFailure(failures);
      }
      if (isLeading && pauseMs > 0) await pause(pauseMs);
    }
  }

  return {
    isLeading: leading,
    leaderWork: {
      name: options.name,
      start() {
        if (isLeading || options.everyMs <= 0) return;
        isLeading = true;
        running = loop();
      },
      async stop() {
        isLeading = false;
        wake?.();
        await running;
        await options.afterStop?.();
      },
    },
  };
}
