import type { TLeaderPart } from "./run-while-leader";

export type TLeaderLoopOptions = {
  /** The part's name in part-placement.ts. */
  name: string;
  /** Pause between rounds; 0: never by itself (tests call the round directly, on their own clock). */
  everyMs: number;
  /** One round of work. `isLeading` turns false the moment the part is stopped, so a round can end early. */
  round: (isLeading: () => boolean) => Promise<unknown>;
  /** Logged on the first failure of a run of failures, then every 30th: the work waits in the database meanwhile. */
  failureMessage: string;
  log: (message: string, error?: unknown) => void;
};

export type TLeaderLoop = { leaderWork: TLeaderPart; isLeading(): boolean };

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

  async function loop() {
    let failures = 0;
    while (isLeading) {
      try {
        await options.round(leading);
        failures = 0;
      } catch (error) {
        if (failures++ % 30 === 0) options.log(options.failureMessage, error);
      }
      if (isLeading) await pause(options.everyMs);
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
      },
    },
  };
}
