import pg from "pg";
import { INSTANCE_ID } from "./instance-id";

export type TLeadershipListener = (isLeader: boolean) => void | Promise<void>;

export type TLeaderLease = {
  isLeader(): boolean;
  /** The PostgreSQL backend holding the lock while this instance leads (for the fence); none in embedded mode. */
  sessionPid(): number | undefined;
  /**
   * Hears every change of leadership, in order. The lease waits for each listener before it looks again,
   * so a listener's work (starting or stopping parts) never overlaps the next transition.
   */
  onChange(listener: TLeadershipListener): () => void;
  /** Tells the listeners this instance no longer leads, then gives the lock up. */
  stop(): Promise<void>;
};

export type TLeaderLeaseOptions = {
  /** The PostgreSQL server all instances share; absent → embedded mode: this process alone, always the leader. */
  connectionString?: string;
  /** Names the lock; instances of one city use the same. */
  lockKey: string;
  /** How often a follower tries for the lock and the leader checks its connection (LEADER_RETRY_MS). */
  retryMs: number;
  log?: (message: string, error?: unknown) => void;
};

export const CITY_LEADER_LOCK_KEY = "citynerve:leader";

/**
 * One leader among the instances, on a PostgreSQL session-level advisory lock held by a dedicated
 * connection. When the holder dies its connection closes and PostgreSQL releases the lock; another
 * instance takes it on its next try. The holder checks its connection as often, and steps down at the
 * first failed check: once its session may be gone, another instance may already lead.
 */
export async function startLeaderLease(options: TLeaderLeaseOptions): Promise<TLeaderLease> {
  const { connectionString } = options;
  if (!connectionString) return { isLeader: () => true, sessionPid: () => undefined, onChange: () => () => {}, stop: async () => {} };
  const log = options.log ?? ((message: string, error?: unknown) => console.warn(`[leader] ${message}`, error ?? ""));
  const listeners = new Set<TLeadershipListener>();
  let client: pg.Client | undefined;
  let pid: number | undefined;
  let leading = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let looking: Promise<void> = Promise.resolve();

  const announce = async (next: boolean) => {
    if (leading === next) return;
    leading = next;
    log(next ? `${INSTANCE_ID} leads` : `${INSTANCE_ID} no longer leads`);
    for (const listener of listeners) {
      try {
        await listener(next);
      } catch (error) {
        log("a leadership listener failed", error);
      }
    }
  };

  const drop = async () => {
    const closing = client;
    client = undefined;
    pid = undefined;
    await closing?.end().catch(() => {});
  };

  const connect = async (): Promise<pg.Client> => {
    pid = undefined;
    const fresh = new pg.Client({
      connectionString,
      application_name: `citynerve-leader ${INSTANCE_ID}`.slice(0, 63),
      connectionTimeoutMillis: options.retryMs,
      query_timeout: options.retryMs,
      keepAlive: true,
      keepAliveInitialDelayMillis: options.retryMs,
    });
    // A dead connection is found by the next check; without a listener the error would crash the process.
    fresh.on("error", () => {});
    try {
      await fresh.connect();
      // The server's side of the same idea: it drops a silent holder (and its lock) in about 10 s.
      await fresh.query("SET tcp_keepalives_idle = 5; SET tcp_keepalives_interval = 2; SET tcp_keepalives_count = 3");
      pid = (await fresh.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]?.pid;
    } catch (error) {
      await fresh.end().catch(() => {});
      throw error;
    }
    return fresh;
  };

  const look = async () => {
    try {
      client ??= await connect();
      if (leading) {
        await client.query("SELECT 1");
        return;
      }
      const { rows } = await client.query<{ acquired: boolean }>("SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS acquired", [
        options.lockKey,
      ]);
      if (rows[0]?.acquired) await announce(true);
    } catch (error) {
      if (leading) log("lost the leader's connection; stepping down", error);
      await drop();
      await announce(false);
    }
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      looking = look().finally(schedule);
    }, options.retryMs);
    timer.unref();
  };

  looking = look();
  await looking;
  schedule();

  return {
    isLeader: () => leading,
    sessionPid: () => (leading ? pid : undefined),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await looking;
      await announce(false);
      listeners.clear();
      await drop();
    },
  };
}
