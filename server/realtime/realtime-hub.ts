import type { IncomingHttpHeaders, Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import type { TLayer } from "@/lib/contracts/layers";
import {
  ZSubscribeRequest,
  type TClientToServerEvents,
  type TIngestStats,
  type TLayerEvents,
  type TServerToClientEvents,
} from "@/lib/contracts/realtime";
import type { TCurrentUser } from "@/lib/contracts/auth";
import type { TSocketRefusal } from "@/lib/contracts/socket-refusal";
import type { CityState } from "@/server/city/city-state";
import { isDatabaseUnavailable } from "@/server/db/is-database-unavailable";
import { createClusterBus, type TClusterBus } from "@/server/cluster/cluster-bus";
import type { TServerSideEvents } from "@/server/cluster/cluster-notice";
import { createRedisStreamsAdapter } from "@/server/cluster/redis-streams-adapter";
import type { TLatencyProbe } from "@/server/ingest/latency-probe";
import { DeltaCoalescer } from "./delta-coalescer";
import { DeclaredCoalescer, pickDeclared } from "./declared-coalescer";
import { nextFlushGapMs } from "./flush-gap";
import { FORBIDDEN_ACK_ERROR, maySend, PUBLISHED_EVENT_ROLES, roleRoom, type TPublishedEvent } from "./socket-policy";

const STATS_EVERY_MS = 1000;

/**
 * Largest message (or batch of polled messages) a client may send; the connection is closed beyond it.
 * Clients only ever send "city:subscribe" with at most 16 layer names (~250 bytes); what the server
 * sends (snapshots of a few hundred KB) is not limited by this.
 */
export const MAX_CLIENT_MESSAGE_BYTES = 8 * 1024;

type TClient = {
  socket: Socket<TClientToServerEvents, TServerToClientEvents, TServerSideEvents, TSocketData>;
  layers: Set<TLayer>;
  domains: Set<string>;
  /** Its subscribed layers as one key: clients with the same shape share one encoded delta. */
  shape: string;
  /** Changes this client has not been sent yet because it was still busy receiving earlier ones. */
  backlog: DeltaCoalescer;
  declaredBacklog: DeclaredCoalescer;
};

export type TRealtimeHubOptions = {
  cityState: CityState;
  readStats: () => TIngestStats;
  /** The fixed window: deltas go out at least this often, and busy clients' backlogs are retried this often. */
  flushMs: number;
  /**
   * The adaptive window (DELTA_FLUSH_MIN_MS): new changes go out this long after the previous flush when
   * flushing is cheap, later as flushes grow costly (nextFlushGapMs), never later than `flushMs`. Absent: every `flushMs`.
   */
  minFlushMs?: number;
  /** Whether a client is still busy with earlier data; defaults to engine.io's write buffer. */
  isBusy?: (socket: Socket) => boolean;
  /** Who is behind a handshake (its session cookie); null refuses the connection. */
  authenticate: TAuthenticateSocket;
  /**
   * Browser origins a handshake may come from (PUBLIC_URL and ALLOWED_ORIGINS): the session cookie
   * rides along on any page's socket, so a foreign page must not get one. Handshakes without an Origin
   * (non-browser clients, which carry no victim's cookie) are let through to authentication.
   * Absent → any origin (tests and benchmarks without browsers).
   */
  allowedOrigins?: readonly string[];
  /**
   * Several instances behind a load balancer (REDIS_URL): role and user pushes and disconnects reach
   * sockets on every instance through socket.io's Redis streams adapter. Absent → this process alone.
   */
  redis?: { url: string; prefix: string };
  /** After each delta flush that had changes: how long it took and to how many clients (metrics). */
  onFlush?: (durationMs: number, clients: number) => void;
  /** Benchmarks only (bench/ingest.ts). */
  probe?: Pick<TLatencyProbe, "flushed">;
};

/** `expiresAt`: the session's end, when the socket is closed too (it would outlive it otherwise). */
export type TSocketIdentity = { user: TCurrentUser; expiresAt?: Date };
export type TAuthenticateSocket = (headers: Headers) => Promise<TSocketIdentity | null>;

/** Error messages of a refused handshake (the client's connect_error). */
const UNAUTHORIZED_SOCKET_ERROR = "unauthorized" satisfies TSocketRefusal;
const UNAVAILABLE_SOCKET_ERROR = "unavailable" satisfies TSocketRefusal;

type TSocketData = TSocketIdentity;

export type TRealtimeHub = {
  io: Server<TClientToServerEvents, TServerToClientEvents, TServerSideEvents, TSocketData>;
  /** Notices to and from the other instances (a no-op sender without `redis`). */
  cluster: TClusterBus;
  clientCount(): number;
  /** Sends an event to every socket (on every instance) of the roles PUBLISHED_EVENT_ROLES allows it for. */
  publish<E extends TPublishedEvent>(event: E, ...args: Parameters<TServerToClientEvents[E]>): void;
  /** Sends an event to these users' sockets only (a unit's crew), whatever their role. */
  publishToUsers<E extends TUserEvent>(userIds: readonly string[], event: E, ...args: Parameters<TServerToClientEvents[E]>): void;
  /** Closes every socket of a user at once, on every instance (their account was just disabled). */
  disconnectUser(userId: string): void;
  close(): Promise<void>;
};

/**
 * Pushes the live city to browsers. Each client subscribes to layers, gets a
 * snapshot, then coalesced deltas every flushMs (only changed entities, latest
 * value wins). A client whose connection is still busy with earlier data is
 * skipped and its changes keep coalescing, so one slow client never holds the
 * others back and its memory stays bounded by the number of entities.
 *
 * With several instances, each holds the whole city and feeds its own clients: deltas, snapshots and
 * ingest figures are this instance's and never go through the adapter (socket.emit / io.local), while
 * alerts, incidents, units and disconnects reach every instance's sockets.
 */
export function createRealtimeHub(httpServer: HttpServer, options: TRealtimeHubOptions): TRealtimeHub {
  // As browsers serialise them ("https://city.example", no path or trailing slash).
  const allowedOrigins = options.allowedOrigins && new Set(options.allowedOrigins.map((o) => new URL(o).origin));
  const redis = options.redis && createRedisStreamsAdapter(options.redis);
  const io = new Server<TClientToServerEvents, TServerToClientEvents, TServerSideEvents, TSocketData>(httpServer, {
    serveClient: false,
    maxHttpBufferSize: MAX_CLIENT_MESSAGE_BYTES,
    perMessageDeflate: false,
    // Checked by engine.io before a session exists, for polling and WebSocket alike: refused with 403.
    allowRequest: (request, callback) => callback(null, isAllowedOrigin(request.headers.origin, allowedOrigins)),
    ...(redis && { adapter: redis.adapter }),
  });
  const cluster = createClusterBus(io, redis !== undefined);
  const clients = new Map<string, TClient>();
  const tick = new DeltaCoalescer();
  const declaredTick = new DeclaredCoalescer();
  let seq = 0;
  const isBusy = options.isBusy ?? hasQueuedPackets;

  const minFlushMs = options.minFlushMs;
  let flushGapMs = minFlushMs ?? options.flushMs;
  let lastFlushAt = Number.NEGATIVE_INFINITY;
  let earlyFlush: ReturnType<typeof setTimeout> | undefined;

  const armEarlyFlush = () => {
    // One timer per flush, armed by the first change after one: a burst applied at once goes out as one delta.
    if (minFlushMs !== undefined && earlyFlush === undefined) {
      earlyFlush = setTimeout(flush, Math.max(0, lastFlushAt + flushGapMs - performance.now()));
    }
  };
  const unsubscribeBuiltin = options.cityState.onChange((layer, event) => {
    tick.add(layer, event);
    armEarlyFlush();
  });
  const unsubscribeDeclared = options.cityState.onDeclaredChange((domain, event) => {
    declaredTick.add(domain, event);
    armEarlyFlush();
  });
  const unsubscribe = () => {
    unsubscribeBuiltin();
    unsubscribeDeclared();
  };

  // The handshake carries the browser's session cookie: same session, same checks as HTTP.
  io.use((socket, next) => {
    options
      .authenticate(toHeaders(socket.request.headers))
      .then((identity) => {
        if (!identity) return next(new Error(UNAUTHORIZED_SOCKET_ERROR));
        socket.data = identity;
        next();
      })
      .catch((error: unknown) => {
        // Fails closed either way; the client tells "sign in again" from "retry later" by the message.
        if (isDatabaseUnavailable(error)) {
          console.warn("[realtime] socket refused: the database is unavailable to check its session");
          return next(new Error(UNAVAILABLE_SOCKET_ERROR));
        }
        console.error("[realtime] socket authentication failed:", error);
        next(new Error(UNAUTHORIZED_SOCKET_ERROR));
      });
  });

  io.on("connection", (socket) => {
    const client: TClient = {
      socket,
      layers: new Set(),
      domains: new Set(),
      shape: "",
      backlog: new DeltaCoalescer(),
      declaredBacklog: new DeclaredCoalescer(),
    };
    clients.set(socket.id, client);
    void socket.join([userRoom(socket.data.user.id), roleRoom(socket.data.user.role)]);
    if (socket.data.expiresAt) closeAt(socket, socket.data.expiresAt);
    socket.emit("ingest:stats", options.readStats());

    socket.on("city:subscribe", (request, ack) => {
      if (typeof ack !== "function") return;
      if (!maySend("city:subscribe", socket.data.user.role)) {
        ack({ ok: false, error: FORBIDDEN_ACK_ERROR });
        return;
      }
      const parsed = ZSubscribeRequest.safeParse(request);
      if (!parsed.success) {
        ack({ ok: false, error: parsed.error.issues.map((i) => i.message).join("; ") });
        return;
      }
      client.layers = new Set(parsed.data.layers);
      client.domains = new Set(parsed.data.domains ?? []);
      client.shape = `${[...client.layers].sort().join(",")}|${[...client.domains].sort().join(",")}`;
      client.backlog.clear(); // the snapshot supersedes anything pending
      client.declaredBacklog.clear();
      const snapshot = { seq, at: new Date().toISOString(), layers: options.cityState.snapshot([...client.layers]) };
      const declared = Object.fromEntries([...client.domains].map((d) => [d, options.cityState.declaredSnapshot(d)]));
      ack({ ok: true, data: client.domains.size > 0 ? { ...snapshot, declared } : snapshot });
    });

    socket.on("disconnect", () => clients.delete(socket.id));
  });

  /**
   * Clients that are up to date (nothing pending, not busy) get this flush's changes as they are: one delta
   * per subscription shape, encoded once and written to each of them (a room broadcast of this instance).
   * Only clients that fell behind get a delta of their own, built from their backlog.
   */
  function flush() {
    clearTimeout(earlyFlush);
    earlyFlush = undefined;
    const startedAt = performance.now();
    const changes = tick.drain();
    const declaredChanges = declaredTick.drain();
    const changed = changes !== null || declaredChanges !== null;
    if (changed) seq++;
    const upToDate = new Map<string, { layers: ReadonlySet<TLayer>; domains: ReadonlySet<string>; socketIds: string[] }>();
    // Also without new changes: a client that was busy at the last one still has them pending, and a city
    // gone quiet (a stopped stream) must not leave it showing stale values.
    for (const client of clients.values()) {
      if (client.layers.size === 0 && client.domains.size === 0) continue;
      const busy = isBusy(client.socket);
      if (changed && !busy && client.backlog.size === 0 && client.declaredBacklog.size === 0) {
        const group = upToDate.get(client.shape) ?? { layers: client.layers, domains: client.domains, socketIds: [] };
        group.socketIds.push(client.socket.id);
        upToDate.set(client.shape, group);
        continue;
      }
      if (changes) for (const layer of client.layers) for (const event of changes[layer] ?? []) client.backlog.add(layer, event);
      if (declaredChanges)
        for (const domain of client.domains) for (const event of declaredChanges[domain] ?? []) client.declaredBacklog.add(domain, event);
      if ((client.backlog.size === 0 && client.declaredBacklog.size === 0) || busy) continue;
      const layers = client.backlog.drain();
      const declared = client.declaredBacklog.drain();
      if (layers || declared) client.socket.emit("city:delta", { seq, layers: layers ?? {}, ...(declared ? { declared } : {}) });
    }
    for (const { layers, domains, socketIds } of upToDate.values()) {
      const delta = changes && pickLayers(changes, layers);
      const declared = declaredChanges && pickDeclared(declaredChanges, domains);
      if (delta || declared) io.local.to(socketIds).emit("city:delta", { seq, layers: delta ?? {}, ...(declared ? { declared } : {}) });
    }
    if (!changed) return;
    const durationMs = performance.now() - startedAt;
    lastFlushAt = startedAt;
    if (minFlushMs !== undefined) flushGapMs = nextFlushGapMs(durationMs, { minMs: minFlushMs, maxMs: options.flushMs });
    options.onFlush?.(durationMs, clients.size);
    if (changes) options.probe?.flushed?.(changes);
  }

  const flushTimer = setInterval(flush, options.flushMs);
  // This instance's own figures, to its own clients: other instances send theirs.
  const statsTimer = setInterval(() => io.local.volatile.emit("ingest:stats", options.readStats()), STATS_EVERY_MS);

  return {
    io,
    cluster,
    clientCount: () => clients.size,
    publish(event, ...args) {
      io.to(PUBLISHED_EVENT_ROLES[event].map(roleRoom)).emit(event, ...(args as Parameters<TServerToClientEvents[typeof event]>));
    },
    publishToUsers(userIds, event, ...args) {
      if (userIds.length === 0) return;
      io.to(userIds.map(userRoom)).emit(event, ...(args as Parameters<TServerToClientEvents[typeof event]>));
    },
    disconnectUser: (userId) => io.in(userRoom(userId)).disconnectSockets(true),
    async close() {
      clearInterval(flushTimer);
      clearTimeout(earlyFlush);
      clearInterval(statsTimer);
      unsubscribe();
      // io.close() would also close the shared HTTP server, which the caller owns.
      io.local.disconnectSockets(true); // not the other instances' sockets
      io.engine.close();
      if (redis) {
        await io.of("/").adapter.close();
        await redis.close();
      }
    },
  };
}

const userRoom = (userId: string) => `user:${userId}`;

/** The changes of these layers only; null when none of them changed. */
function pickLayers(changes: TLayerEvents, layers: ReadonlySet<TLayer>): TLayerEvents | null {
  const picked: TLayerEvents = {};
  let any = false;
  for (const layer of layers) {
    const events = changes[layer];
    if (!events?.length) continue;
    (picked as Record<TLayer, unknown>)[layer] = events;
    any = true;
  }
  return any ? picked : null;
}

/** Events addressed to particular users rather than to roles. */
type TUserEvent = "assignment:changed";

function isAllowedOrigin(origin: string | undefined, allowed: ReadonlySet<string> | undefined): boolean {
  return origin === undefined || allowed === undefined || allowed.has(origin);
}

function toHeaders(raw: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  return headers;
}

/** Timers past ~24.8 days overflow to immediate; sessions are far shorter, but clamp anyway. */
const MAX_TIMER_MS = 2 ** 31 - 1;

function closeAt(socket: Socket, expiresAt: Date): void {
  const timer = setTimeout(() => socket.disconnect(true), Math.min(Math.max(0, expiresAt.getTime() - Date.now()), MAX_TIMER_MS));
  socket.once("disconnect", () => clearTimeout(timer));
}

/** Still has packets queued from earlier flushes (slow network, or a polling client between polls). */
function hasQueuedPackets(socket: Socket): boolean {
  // engine.io keeps unsent packets in writeBuffer; it is not in its public typings.
  return (socket.conn as unknown as { writeBuffer: unknown[] }).writeBuffer.length > 0;
}
