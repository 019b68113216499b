import type { TLeaderLease } from "./leader-lease";

/** Work that runs on one instance alone. Both calls are safe to repeat (a part may already run when first asked). */
export type TLeaderPart = {
  name: string;
  start(): void | Promise<void>;
  stop(): void | Promise<void>;
};

export type TLeaderSupervisor = {
  /** Whether the parts run: true once all have started as leader, false from the moment leadership is lost. */
  isLeading(): boolean;
  /** Resolves once the transitions asked for so far are done (start-up, tests). */
  settled(): Promise<void>;
  /** Stops the parts if they run and follows the lease no more; the lease itself is the caller's. */
  stop(): Promise<void>;
};

/**
 * Starts the parts, in order, when this instance becomes the leader and stops them, in reverse order,
 * when it stops leading. Transitions run one after another: a part is never started while its previous
 * stop is still running. A part that fails to start or stop is logged; the others still run.
 */
export function runWhileLeader(
  lease: Pick<TLeaderLease, "isLeader" | "onChange">,
  parts: readonly TLeaderPart[],
  log: (message: string, error?: unknown) => void = (message, error) => console.error(`[leader] ${message}`, error ?? ""),
): TLeaderSupervisor {
  /** Unknown at first: parts may have started as leaders before the lease was followed here. */
  let running: boolean | undefined;
  let leadingNow = false;
  let chain: Promise<void> = Promise.resolve();

  const each = async (ordered: readonly TLeaderPart[], verb: "start" | "stop") => {
    for (const part of ordered) {
      try {
        await part[verb]();
      } catch (error) {
        log(`could not ${verb} ${part.name}`, error);
      }
    }
  };

  const follow = (leading: boolean): Promise<void> => {
    if (!leading) leadingNow = false;
    chain = chain.then(async () => {
      if (leading === running) return;
      running = leading;
      await (leading ? each(parts, "start") : each(parts.toReversed(), "stop"));
      if (leading) leadingNow = true;
    });
    return chain;
  };

  const unsubscribe = lease.onChange(follow);
  void follow(lease.isLeader());

  return {
    isLeading: () => leadingNow,
    settled: () => chain,
    async stop() {
      unsubscribe();
      await follow(false);
    },
  };
}
