import { createAdapter } from "@socket.io/redis-streams-adapter";
import { createClient } from "redis";
import { INSTANCE_ID } from "./instance-id";

export type TRedisStreamsAdapterOptions = {
  /** REDIS_URL */
  url: string;
  /** Names the stream and the pub/sub channels, so two cities (or two test files) can share one Redis. */
  prefix: string;
};

export type TRedisStreamsAdapter = {
  /** For `io.adapter(...)`, before any socket connects. */
  adapter: ReturnType<typeof createAdapter>;
  /** Closes every Redis connection the adapter opened (call after the adapter itself is closed). */
  close(): Promise<void>;
};

/** Never gives up (the default stops on a socket timeout): Redis may be restarted or down for a while. */
const reconnectForever = (retries: number) => Math.min(2 ** retries * 50, 2_000) + Math.floor(Math.random() * 200);

/**
 * socket.io's Redis streams adapter on the `redis` client, shaped for an outage: the process never
 * crashes on it, local delivery goes on, and cross-instance delivery resumes when Redis is back.
 *
 * The adapter awaits each XADD before delivering a broadcast locally, so the publishing client refuses
 * commands at once while disconnected (`disableOfflineQueue`): what is sent during an outage reaches
 * this instance's sockets only. The adapter's own copies (the stream reader, the pub/sub subscriber)
 * keep the offline queue: the reader retries XREAD in a loop with no pause, which would spin on
 * commands refused at once, and the subscriber's SUBSCRIBE must wait for Redis rather than fail.
 */
export function createRedisStreamsAdapter(options: TRedisStreamsAdapterOptions): TRedisStreamsAdapter {
  const publisher = createClient({
    url: options.url,
    // CLIENT LIST then tells which instance holds which connection.
    name: `citynerve:${INSTANCE_ID}`,
    disableOfflineQueue: true,
    socket: { reconnectStrategy: reconnectForever },
  });
  const copies: { destroy(): void }[] = [];
  let closed = false;

  let down = false;
  publisher.on("error", (error: Error) => {
    if (down) return;
    down = true;
    console.warn(`[cluster] Redis unreachable (${error.message}): pushes reach this instance's sockets only until it is back`);
  });
  publisher.on("ready", () => {
    if (!down) return;
    down = false;
    console.log("[cluster] Redis reachable again: pushes reach every instance");
  });

  // The adapter fires PUBLISH (server-side notices) without handling a failure: while Redis is down that
  // would be an unhandled rejection, which ends a Node process. A notice sent then is lost (0 receivers).
  const publish = publisher.publish.bind(publisher);
  Object.assign(publisher, { publish: (...args: Parameters<typeof publish>) => publish(...args).catch(() => 0) });

  const duplicate = publisher.duplicate.bind(publisher);
  publisher.duplicate = ((overrides) => {
    const copy = duplicate({ ...overrides, disableOfflineQueue: false });
    copies.push(copy);
    const connect = copy.connect.bind(copy);
    // With reconnectForever, connect() only fails when close() destroyed the copy before Redis ever
    // answered; the adapter awaits it without a catch, so that must not become an unhandled rejection.
    copy.connect = () => connect().catch(() => new Promise<never>(() => {}));
    return copy;
  }) as typeof publisher.duplicate;

  // Not awaited: the hub starts (and serves local sockets) whether or not Redis answers yet.
  publisher.connect().catch(() => {});

  return {
    adapter: createAdapter(publisher, {
      streamName: `${options.prefix}:socket.io`,
      channelPrefix: `${options.prefix}:socket.io`,
    }),
    async close() {
      if (closed) return;
      closed = true;
      // The reader may be blocked in XREAD: destroyed rather than left to finish it.
      for (const copy of copies) copy.destroy();
      // close() lets commands already sent finish (the adapter's goodbye); it throws if never opened.
      await publisher.close().catch(() => publisher.destroy());
    },
  };
}
