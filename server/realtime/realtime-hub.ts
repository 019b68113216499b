import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders, Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import type { TLayer } from "@/lib/contracts/layers";
import type { TCityEvent } from "@/lib/contracts/events";
import {
  ZSubscribeRequest,
  ZViewport,
  type TCitySnapshot,
  type TCitySummaries,
  type TColumnarSnapshot,
  type TClientToServerEvents,
  type TDeclaredEvents,
  type TIngestStats,
  type TLayerEvents,
  type TLiveView,
  type TServerToClientEvents,
  type TSubscribeRequest,
} from "@/lib/contracts/realtime";
import { chooseView, DEFAULT_VIEW_BUDGET } from "@/lib/live/choose-view";
import { isTiledLayer, type TTileIndex } from "@/lib/live/tile-index";
import type { TBbox, TTileKey } from "@/lib/live/tiles";
import type { TCurrentUser } from "@/lib/contracts/auth";
import type { TDomainDefinition } from "@/lib/contracts/domain-definition";
import type { TSocketRefusal } from "@/lib/contracts/socket-refusal";
import type { CityState } from "@/server/city/city-state";
import { isDatabaseUnavailable } from "@/server/db/is-database-unavailable";
import { createClusterBus, type TClusterBus } from "@/server/cluster/cluster-bus";
import type { TServerSideEvents } from "@/server/cluster/cluster-notice";
import { createRedisStreamsAdapter } from "@/server/cluster/redis-streams-adapter";
import type { TLatencyProbe } from "@/server/ingest/latency-probe";
import { encodeColumnarDelta } from "@/lib/wire/columnar-delta";
import { encodeColumnarSnapshot } from "@/lib/wire/columnar-snapshot";
import type { TEntitySlots } from "@/lib/wire/entity-slots";
import { DeltaCoalescer } from "./delta-coalescer";
import { DeclaredCoalescer, pickDeclared } from "./declared-coalescer";
import { nextFlushGapMs } from "./flush-gap";
import { FORBIDDEN_ACK_ERROR, maySend, PUBLISHED_EVENT_ROLES, roleRoom, type TPublishedEvent } from "./socket-policy";
import { TileSummaries } from "./tile-summaries";
import { ChangeLog, collectTiled, collectUnits, emptyContents, isDeclaredInView, isInView, type TViewContents } from "./view-contents";

const STATS_EVERY_MS = 1000;
/** Overview clients get the per-tile summaries at most this often (the map redraws them; nobody reads them faster). */
const DEFAULT_SUMMARIES_MS = 2000;
/** Where units' changes are grouped: they go to every view, not by tile. */
const CITY_WIDE = "*";

/**
 * Largest message (or batch of polled messages) a client may send; the connection is closed beyond it.
 * Clients only ever send "city:subscribe" (at most 16 layer names, a viewport and a resume naming at most
 * 400 tiles: under 6 KB) and "city:viewport" (~100 bytes); what the server sends is not limited by this.
 */
export const MAX_CLIENT_MESSAGE_BYTES = 8 * 1024;

type TClient = {
  socket: Socket<TClientToServerEvents, TServerToClientEvents, TServerSideEvents, TSocketData>;
  layers: Set<TLayer>;
  domains: Set<string>;
  /** Its subscribed layers as one key: clients with the same shape share one encoded delta (per tile, in a tiled view). */
  shape: string;
  /** Sent its deltas as columns (it indexed the same pack as this server's `slots`). */
  isColumnar: boolean;
  /** Sent its snapshots and viewport answers as columns too (it indexed the same pack and asked for them). */
  hasColumnarSnapshots: boolean;
  /** What of the city it is sent (lib/live/choose-view.ts); the whole city unless it sent a viewport. */
  view: TLiveView;
  /** The view's tiles, when it has some. */
  tiles: ReadonlySet<TTileKey>;
  /** The last summaries it was sent, while in an overview. */
  summariesSent: TCitySummaries | null;
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
   * Browser origins a handshake may come from (trustedOrigins: PUBLIC_URL, its loopback spellings, ALLOWED_ORIGINS): the session cookie
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
  /**
   * Where the pack's static entities are (lib/live/tile-index.ts) and each road segment's free-flow speed: with
   * it, a client that sends its viewport is sent only the tiles in view, or per-tile summaries when zoomed out.
   * Absent → every client gets the whole city.
   */
  placement?: {
    tiles: TTileIndex;
    freeFlowKmh: (segmentId: string) => number | undefined;
    /** The declared domains' definitions: their sensors are summarised per tile by the level each definition gives. */
    domains?: readonly Pick<TDomainDefinition, "id" | "rules" | "map">[];
  };
  /**
   * The pack's entity slots (lib/wire/entity-slots.ts): clients that subscribe with their fingerprint are sent the
   * built-in layers' deltas as columns. Absent → JSON deltas only.
   */
  slots?: TEntitySlots;
  /** VIEWPORT_ENTITY_BUDGET: the most static entities a viewport is sent one by one (default 10,000). */
  viewBudget?: number;
  /** How often overview clients get fresh summaries (default 2 s). */
  summariesMs?: number;
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
  /** Names this process's seq: a client resuming against another instance (or a restart) gets a full snapshot. */
  const epoch = randomUUID();
  const isBusy = options.isBusy ?? hasQueuedPackets;
  const placement = options.placement;
  const viewBudget = options.viewBudget ?? DEFAULT_VIEW_BUDGET;
  const summaries = placement && new TileSummaries(placement.tiles, placement.freeFlowKmh, placement.domains);
  const changeLog = new ChangeLog();

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
    summaries?.apply(layer, event);
    armEarlyFlush();
  });
  const unsubscribeDeclared = options.cityState.onDeclaredChange((domain, event) => {
    declaredTick.add(domain, event);
    summaries?.applyDeclared(domain, event);
    armEarlyFlush();
  });
  const unsubscribe = () => {
    unsubscribeBuiltin();
    unsubscribeDeclared();
  };

  const viewOf = (bbox: TBbox | undefined): TLiveView =>
    bbox && placement ? chooseView(placement.tiles, bbox, viewBudget) : { mode: "city" };

  /** Moves a client to a view; pending changes it would no longer see are dropped. */
  const setView = (client: TClient, view: TLiveView) => {
    client.view = view;
    client.tiles = new Set(view.mode === "tiles" ? view.tiles : []);
    client.summariesSent = null;
    const tiles = placement?.tiles;
    client.backlog.retain((layer, id) => isInView(view, client.tiles, tiles, layer, id));
    client.declaredBacklog.retain((domain, id) => isDeclaredInView(view, client.tiles, tiles, domain, id));
  };

  /** What to collect for a client: its layers and domains, from the live city. */
  const collectRequest = (client: TClient) => ({
    cityState: options.cityState,
    index: placement?.tiles,
    log: changeLog,
    layers: client.layers,
    domains: client.domains,
  });

  /** A client's view as a snapshot: all of it, or (resuming) what changed since its seq plus the tiles it lacked. */
  const snapshotOf = (client: TClient, resume: TSubscribeRequest["resume"]): TCitySnapshot => {
    const resuming = resume !== undefined && resume.epoch === epoch ? resume : undefined;
    const request = collectRequest(client);
    const since = { ...request, sinceSeq: resuming?.seq };
    const contents = emptyContents();
    // Every subscribed domain is named even when empty: the client keys its declared layers by them.
    for (const domain of client.domains) contents.declared[domain] = [];
    collectUnits(contents, since);
    if (client.view.mode === "city") {
      collectTiled(contents, "city", resuming?.tiles === "city" ? since : request);
    } else if (client.view.mode === "tiles") {
      const held = new Set(resuming && resuming.tiles !== "city" ? resuming.tiles : []);
      const heldInView = resuming?.tiles === "city" ? client.view.tiles : client.view.tiles.filter((tile) => held.has(tile));
      const lacking = resuming?.tiles === "city" ? [] : client.view.tiles.filter((tile) => !held.has(tile));
      collectTiled(contents, heldInView, since);
      collectTiled(contents, lacking, request);
    }
    return toSnapshot(client, contents, resuming !== undefined);
  };

  const toSnapshot = (client: TClient, contents: TViewContents, partial: boolean): TCitySnapshot => {
    const snapshot: TCitySnapshot = { seq, at: new Date().toISOString(), layers: contents.layers, epoch };
    if (client.domains.size > 0) snapshot.declared = contents.declared;
    if (client.view.mode !== "city" || placement) snapshot.view = client.view;
    if (partial) snapshot.partial = true;
    if (client.view.mode === "overview" && summaries) {
      snapshot.summaries = summaries.read(client.domains);
      client.summariesSent = snapshot.summaries;
    }
    return snapshot;
  };

  /** What a client lacks after its view moved from `previous`: the tiles newly in view, or everything when leaving an overview. */
  const additionsOf = (client: TClient, previous: TLiveView, previousTiles: ReadonlySet<TTileKey>): TCitySnapshot => {
    const request = collectRequest(client);
    const contents = emptyContents();
    const { view } = client;
    if (view.mode === "city" && previous.mode !== "city") {
      collectTiled(contents, "city", request);
    } else if (view.mode === "tiles") {
      const added = previous.mode === "city" ? [] : view.tiles.filter((tile) => !previousTiles.has(tile));
      collectTiled(contents, added, request);
    }
    return toSnapshot(client, contents, true);
  };

  /** A snapshot as the client reads it: its built-in layers as columns when it asked for them, else JSON. */
  const onWire = (client: TClient, snapshot: TCitySnapshot): TCitySnapshot | TColumnarSnapshot =>
    client.hasColumnarSnapshots && options.slots ? encodeColumnarSnapshot(snapshot, options.slots) : snapshot;

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
      isColumnar: false,
      hasColumnarSnapshots: false,
      view: { mode: "city" },
      tiles: new Set(),
      summariesSent: null,
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
      client.isColumnar = options.slots !== undefined && parsed.data.columns === options.slots.fingerprint;
      client.hasColumnarSnapshots = client.isColumnar && parsed.data.columnarSnapshots === true;
      client.shape = `${[...client.layers].sort().join(",")}|${[...client.domains].sort().join(",")}|${client.isColumnar ? "columns" : "json"}`;
      client.backlog.clear(); // the snapshot supersedes anything pending
      client.declaredBacklog.clear();
      setView(client, viewOf(parsed.data.viewport?.bbox));
      ack({ ok: true, data: onWire(client, snapshotOf(client, parsed.data.resume)) });
    });

    socket.on("city:viewport", (request, ack) => {
      if (typeof ack !== "function") return;
      if (!maySend("city:viewport", socket.data.user.role)) {
        ack({ ok: false, error: FORBIDDEN_ACK_ERROR });
        return;
      }
      const parsed = ZViewport.safeParse(request);
      if (!parsed.success) {
        ack({ ok: false, error: parsed.error.issues.map((i) => i.message).join("; ") });
        return;
      }
      const previous = client.view;
      const previousTiles = client.tiles;
      setView(client, viewOf(parsed.data.bbox));
      ack({ ok: true, data: onWire(client, additionsOf(client, previous, previousTiles)) });
    });

    socket.on("disconnect", () => clients.delete(socket.id));
  });

  /** This flush's changes split by tile (units under CITY_WIDE), for clients whose view is not the whole city. */
  function splitByTile(changes: TLayerEvents | null, declaredChanges: TDeclaredEvents | null): Map<string, TViewContents> {
    const regions = new Map<string, TViewContents>();
    const regionOf = (key: string) => {
      let region = regions.get(key);
      if (!region) regions.set(key, (region = emptyContents()));
      return region;
    };
    const tiles = placement?.tiles;
    for (const [layer, events] of Object.entries(changes ?? {}) as [TLayer, TCityEventList][]) {
      for (const event of events) {
        const key = isTiledLayer(layer) ? tiles?.tileOf(layer, event.entityId) : CITY_WIDE;
        if (key === undefined) continue;
        const region = regionOf(key).layers as Record<string, TCityEventList>;
        (region[layer] ??= []).push(event);
      }
    }
    for (const [domain, events] of Object.entries(declaredChanges ?? {})) {
      for (const event of events) {
        const key = tiles?.declaredTileOf(domain, event.entityId);
        if (key === undefined) continue;
        (regionOf(key).declared[domain] ??= []).push(event);
      }
    }
    return regions;
  }

  /**
   * Clients that are up to date (nothing pending, not busy) get this flush's changes as they are, encoded once per
   * subscription shape and written to each of them (a room broadcast of this instance): one delta for clients of
   * the whole city, one per tile with changes (and one for the units) for clients of a viewport. Only clients that
   * fell behind get a delta of their own, built from their backlog.
   */
  function flush() {
    clearTimeout(earlyFlush);
    earlyFlush = undefined;
    const startedAt = performance.now();
    const changes = tick.drain();
    const declaredChanges = declaredTick.drain();
    const changed = changes !== null || declaredChanges !== null;
    if (changed) {
      seq++;
      for (const [layer, events] of Object.entries(changes ?? {}) as [TLayer, TCityEventList][])
        for (const event of events) changeLog.record(layer, event.entityId, seq);
      for (const [domain, events] of Object.entries(declaredChanges ?? {}))
        for (const event of events) changeLog.recordDeclared(domain, event.entityId, seq);
    }
    let regions: Map<string, TViewContents> | undefined;
    const upToDate = new Map<
      string,
      { layers: ReadonlySet<TLayer>; domains: ReadonlySet<string>; region: string | null; isColumnar: boolean; socketIds: string[] }
    >();
    const join = (client: TClient, region: string | null) => {
      const key = `${region ?? ""}|${client.shape}`;
      const group = upToDate.get(key) ?? {
        layers: client.layers,
        domains: client.domains,
        region,
        isColumnar: client.isColumnar,
        socketIds: [],
      };
      group.socketIds.push(client.socket.id);
      upToDate.set(key, group);
    };
    const index = placement?.tiles;
    // Also without new changes: a client that was busy at the last one still has them pending, and a city
    // gone quiet (a stopped stream) must not leave it showing stale values.
    for (const client of clients.values()) {
      if (client.layers.size === 0 && client.domains.size === 0) continue;
      const busy = isBusy(client.socket);
      if (changed && !busy && client.backlog.size === 0 && client.declaredBacklog.size === 0) {
        if (client.view.mode === "city") {
          join(client, null);
          continue;
        }
        regions ??= splitByTile(changes, declaredChanges);
        if (regions.has(CITY_WIDE)) join(client, CITY_WIDE);
        if (client.tiles.size < regions.size) {
          for (const tile of client.tiles) if (regions.has(tile)) join(client, tile);
        } else {
          for (const tile of regions.keys()) if (client.tiles.has(tile)) join(client, tile);
        }
        continue;
      }
      const { view, tiles } = client;
      if (changes)
        for (const layer of client.layers)
          for (const event of changes[layer] ?? [])
            if (isInView(view, tiles, index, layer, event.entityId)) client.backlog.add(layer, event);
      if (declaredChanges)
        for (const domain of client.domains)
          for (const event of declaredChanges[domain] ?? [])
            if (isDeclaredInView(view, tiles, index, domain, event.entityId)) client.declaredBacklog.add(domain, event);
      if ((client.backlog.size === 0 && client.declaredBacklog.size === 0) || busy) continue;
      const layers = client.backlog.drain();
      const declared = client.declaredBacklog.drain();
      if (layers || declared) sendDelta(client.socket, client.isColumnar, layers, declared);
    }
    for (const { layers, domains, region, isColumnar, socketIds } of upToDate.values()) {
      const source = region === null ? { layers: changes, declared: declaredChanges } : regions?.get(region);
      const delta = source?.layers && pickLayers(source.layers, layers);
      const declared = source?.declared && pickDeclared(source.declared, domains);
      if (delta || declared) sendDelta(io.local.to(socketIds), isColumnar, delta, declared);
    }
    if (!changed) return;
    const durationMs = performance.now() - startedAt;
    lastFlushAt = startedAt;
    if (minFlushMs !== undefined) flushGapMs = nextFlushGapMs(durationMs, { minMs: minFlushMs, maxMs: options.flushMs });
    options.onFlush?.(durationMs, clients.size);
    if (changes) options.probe?.flushed?.(changes);
  }

  /** One delta, encoded once for every socket it goes to: as columns to those that asked for them, else as JSON. */
  function sendDelta(
    to: Pick<TClient["socket"], "emit">,
    isColumnar: boolean,
    layers: TLayerEvents | null | undefined,
    declared: TDeclaredEvents | null | undefined,
  ) {
    const withDeclared = declared ? { declared } : {};
    if (isColumnar && options.slots) to.emit("city:columns", { ...encodeColumnarDelta(seq, layers ?? {}, options.slots), ...withDeclared });
    else to.emit("city:delta", { seq, layers: layers ?? {}, ...withDeclared });
  }

  /**
   * Overview clients that are free get the summaries when they changed since the ones they hold: one encoding for
   * every client of the same declared domains.
   */
  function sendSummaries() {
    if (!summaries) return;
    const groups = new Map<TCitySummaries, string[]>();
    for (const client of clients.values()) {
      if (client.view.mode !== "overview" || isBusy(client.socket)) continue;
      const current = summaries.read(client.domains);
      if (client.summariesSent === current) continue;
      client.summariesSent = current;
      const group = groups.get(current);
      if (group) group.push(client.socket.id);
      else groups.set(current, [client.socket.id]);
    }
    for (const [current, socketIds] of groups) io.local.to(socketIds).emit("city:summaries", current);
  }
  const flushTimer = setInterval(flush, options.flushMs);
  const summariesTimer = setInterval(sendSummaries, options.summariesMs ?? DEFAULT_SUMMARIES_MS);
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
      clearInterval(summariesTimer);
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

type TCityEventList = TCityEvent[];

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
