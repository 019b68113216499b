/** How long a ping's answer is reused: readiness probes and failing requests never flood the database. */
const PING_CACHE_MS = 1_000;
/** A ping not answered within this counts as unreachable (a partition holds it otherwise until the pool's own timeouts). */
export const PING_TIMEOUT_MS = 2_000;

export type TDatabaseReachability = {
  ok: boolean;
  /** When the database entered this state (e.g. unreachable since). */
  since: Date;
  /** Why it is unreachable, in words safe to show anyone (no addresses, no driver text). */
  detail?: string;
};

export type TDatabasePing = {
  /** The database's state from a round trip at most `maxAgeMs` old; concurrent callers share one round trip. */
  check(maxAgeMs?: number): Promise<TDatabaseReachability>;
  /** The last known state, without a round trip. */
  lastKnown(): TDatabaseReachability;
  /**
   * A gate for requests, so each does not wait out the pool's timeouts during an outage: false at once
   * while the last known state is up; while down, a ping at most PING_CACHE_MS old decides.
   */
  isKnownDown(): Promise<boolean>;
  /** A request just found the database unreachable: it reads as down until a ping succeeds again. */
  reportFailure(): void;
};

/** Wraps a round trip (SELECT 1) into a cached, bounded reachability check. */
export function createDatabasePing(roundTrip: () => Promise<void>, timeoutMs = PING_TIMEOUT_MS): TDatabasePing {
  let state: TDatabaseReachability = { ok: true, since: new Date() };
  let checkedAt = 0;
  let inFlight: Promise<TDatabaseReachability> | undefined;

  const set = (ok: boolean, detail?: string) => {
    if (ok !== state.ok || detail !== state.detail) state = { ok, since: state.ok === ok ? state.since : new Date(), detail };
    checkedAt = Date.now();
    return state;
  };

  const ping = async (): Promise<TDatabaseReachability> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), timeoutMs);
    });
    try {
      const outcome = await Promise.race([roundTrip().then(() => "ok" as const), timedOut]);
      return outcome === "ok" ? set(true) : set(false, `no answer within ${timeoutMs} ms`);
    } catch {
      return set(false, "unreachable");
    } finally {
      clearTimeout(timer);
    }
  };

  const check = (maxAgeMs = PING_CACHE_MS) => {
    if (Date.now() - checkedAt < maxAgeMs) return Promise.resolve(state);
    inFlight ??= ping().finally(() => (inFlight = undefined));
    return inFlight;
  };

  return {
    check,
    lastKnown: () => state,
    isKnownDown: async () => !state.ok && !(await check()).ok,
    reportFailure() {
      set(false, "unreachable");
    },
  };
}
