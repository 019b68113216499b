import type { Server as HttpServer } from "node:http";
import type { TCityEntities } from "@/lib/contracts/city-pack";
import { resolveAuthSecret } from "@/server/auth/auth-secret";
import { buildAuthSettings } from "@/server/auth/auth-settings";
import { authenticateHeaders } from "@/server/auth/authenticate";
import { createAuth, type TAuth, type TAuthEnv } from "@/server/auth/create-auth";
import { crewDemoFieldUser, seedDemoUsers } from "@/server/auth/demo-users";
import { startCityRuntime, type TCityRuntime, type TCityRuntimeDeps } from "@/server/city-runtime";
import type { TDomainRegistry } from "@/server/domains/domain-registry";
import { createDatabase, type TCreateDatabaseOptions, type TDatabase } from "@/server/db/client";
import { deadLettersStoredHere, markReplaysAccepted, recordDeadLetters } from "@/server/db/dead-letters";
import { CITY_LEADER_LOCK_KEY, startLeaderLease, type TLeaderLeaseOptions } from "@/server/cluster/leader-lease";
import { createLeaderFence } from "@/server/cluster/leader-fence";
import { createCapFeedPoller } from "@/server/cap/poll-cap-feeds";
import { runWhileLeader } from "@/server/cluster/run-while-leader";
import { createReadiness, type TReadinessDeps } from "@/server/health/readiness";
import { warmKpiCells } from "@/server/history/kpi-range-cache";
import { createAppMetrics } from "@/server/metrics/app-metrics";
import { startNotifications, type TNotificationsConfig } from "@/server/notifications/start-notifications";
import { createCrewAckWatch, type TCrewAckWatch } from "@/server/dispatch/crew-ack-watch";
import { hubPublisher } from "@/server/realtime/publisher";
import { startOpsEvents, type TOpsEventsConfig } from "@/server/outbox/start-ops-events";
import { createMqttKafkaBridge, type TMqttKafkaBridgeOptions } from "@/server/ingest/mqtt-kafka-bridge";
import type { TIngestPipeline } from "@/server/ingest/pipeline";
import type { TEventSource } from "@/server/ingest/types";
import {
  startEntityHistoryRecorder,
  type TEntityHistoryRecorder,
  type TEntityHistoryRecorderDeps,
} from "@/server/playback/entity-history-recorder";
import type { TAuthenticateSocket } from "@/server/realtime/realtime-hub";
import {
  createApiKeyRateLimit,
  DEFAULT_API_KEY_MAX_REQUESTS_PER_MINUTE,
  DEFAULT_OPEN311_MAX_REPORTS_PER_MINUTE,
} from "@/server/api-keys/api-key-rate-limit";
import { registerRuntime, unregisterRuntime, type TRegisteredRuntime } from "@/server/runtime-registry";
import { installHttpEdge, type THandleRequest, type THttpEdgeOptions } from "./http-edge";

/** What answers requests that passed the edge: Next's handler in the server, the route modules in tests. */
export type TRequestHandler = { handle: THandleRequest; close?(): Promise<void> };

export type TAppConfig = {
  /** Shared by requests and socket.io. The caller listens on it (before or after); the app closes it on stop. */
  httpServer: HttpServer;
  http: THttpEdgeOptions & {
    /** Made once the database and sign-in are ready, before the runtime; absent → sockets only (benchmarks). */
    createHandler?: () => Promise<TRequestHandler>;
    /** Browser origins a socket handshake may come from; absent → any (tests, benchmarks). */
    allowedOrigins?: readonly string[];
  };
  /** A database the caller owns and closes (tests), or where to open one the app owns and closes. */
  database: { given: TDatabase } | { open: TCreateDatabaseOptions };
  auth: {
    /** Without BETTER_AUTH_SECRET, a secret is generated once into `secretDir` (embedded mode). */
    env: Omit<TAuthEnv, "BETTER_AUTH_SECRET"> & { BETTER_AUTH_SECRET?: string };
    secretDir?: string;
    /** The four demo accounts: created if missing, the field one crews a unit, and sign-in offers them. */
    demoUsers: boolean;
    /** Whether sign-in offers the demo accounts (default: `demoUsers`; the test harness always says yes). */
    offerDemoUsers?: boolean;
    /** Who may open a socket; default: the session behind its handshake (benchmarks use a fixed identity). */
    authenticateSocket?: TAuthenticateSocket;
  };
  city: {
    entities: TCityEntities;
    /** Declared sensor domains placed on this city (server/domains); absent → the built-in five only. */
    domains?: TDomainRegistry;
    source: TEventSource;
    flushMs: number;
    minFlushMs?: number;
    /** VIEWPORT_ENTITY_BUDGET (default lib/live/choose-view.ts's). */
    viewBudget?: number;
    timeLimits?: TCityRuntimeDeps["timeLimits"];
    /** Benchmarks only: where produce → browser latency goes (bench/ingest.ts). */
    latencyProbe?: TCityRuntimeDeps["latencyProbe"];
    /** "database": stored in PostgreSQL behind a bounded buffer; "discard": tests and benchmarks. */
    deadLetters: "database" | "discard";
    deadLetterBufferMax?: number;
  };
  /**
   * Which optional parts run, each said explicitly. Where each part would run with several instances
   * (every one, or one alone) is in ./part-placement.ts: keep it in step when adding a part here.
   */
  parts: {
    alerts?: { escalationSeconds: number; timers?: boolean };
    /** Units, routing and dispatch; needs `alerts`. With the simulator's unit driver, simulated crews too. */
    dispatch?: { checkInSeconds: number };
    recorder?: Pick<TEntityHistoryRecorderDeps, "retentionDays" | "everyMs">;
    /** Pre-reads the last year's response-time figures in the background. */
    kpiWarmUp?: { timeZone: string };
    /** Other agencies' CAP feeds, polled by the leader (CAP_FEED_POLL_SECONDS). */
    capFeeds?: { pollSeconds: number };
    /** Raised alerts to people's own contact points (email, webhooks, Web Push), worked by the leader. */
    notifications?: TNotificationsConfig;
    /** Assignments a crew did not acknowledge in the run card's time go to the control room (leader); needs `dispatch`. */
    crewAcks?: { everyMs: number; now?: () => Date };
  };
  /** Requests per minute each partner app's API key may make (API_KEY_MAX_REQUESTS_PER_MINUTE; default 600). */
  apiKeys?: { maxRequestsPerMinute: number /** OPEN311_MAX_REPORTS_PER_MINUTE; default 30. */; maxReportsPerMinute?: number };
  /** Redis shared by the city's instances (REDIS_URL): pushes and notices reach all of them. Absent → one process. */
  redis?: TCityRuntimeDeps["redis"];
  /** What GET /api/health/ready asks the event source (absent → not asked). */
  isSourceReady?: TReadinessDeps["isSourceReady"];
  /** Alert, incident and unit changes to Kafka through the outbox (KAFKA_BROKERS); absent → no outbox rows (embedded). */
  opsEvents?: TOpsEventsConfig;
  /**
   * MQTT_URL with KAFKA_BROKERS: the leader forwards MQTT to the domains' Kafka topics (every instance then reads them
   * from Kafka). Without Kafka the MQTT source is `city.source` itself.
   */
  mqttBridge?: Omit<TMqttKafkaBridgeOptions, "screenBatch">;
  /** Who runs the "one" parts among instances sharing a PostgreSQL server; absent or no connection string → this process. */
  leaderLease?: Pick<TLeaderLeaseOptions, "connectionString" | "retryMs">;
};

type TApp = {
  database: TDatabase;
  auth: TAuth;
  city: TCityRuntime;
  recorder?: TEntityHistoryRecorder;
  /** What route handlers read (also registered on globalThis). */
  runtime: TRegisteredRuntime;
  /** Demo accounts created by this start (empty when they existed or are off). */
  seededDemoUsers: string[];
  /** Stops intake first, then the writers, then the server, and closes the database last (if the app opened it). */
  stop(): Promise<void>;
};

/**
 * The one place the app is put together: database, sign-in, the HTTP edge, the city runtime (source →
 * pipeline → state → hub, alerts, dispatch), the playback recorder, the figures' warm-up and readiness,
 * registered for route handlers. Used by server.ts, the test harness and the benchmark alike.
 */
export async function createApp(config: TAppConfig): Promise<TApp> {
  const { parts } = config;
  const ownsDatabase = "open" in config.database;
  const database = "open" in config.database ? await createDatabase(config.database.open) : config.database.given;
  const { prisma } = database;

  const secret = await authSecretOf(config.auth);
  const authEnv: TAuthEnv = { ...config.auth.env, BETTER_AUTH_SECRET: secret };
  const auth = createAuth({ prisma, env: authEnv });
  const seededDemoUsers = config.auth.demoUsers ? await seedDemoUsers(auth, prisma) : [];

  const metrics = createAppMetrics();
  const handler = await config.http.createHandler?.();
  if (handler) installHttpEdge(config.httpServer, handler.handle, config.http, metrics.registry);

  // The parts placed on "one" instance run while this one holds the lease (always, in embedded mode).
  const lease = await startLeaderLease({ lockKey: CITY_LEADER_LOCK_KEY, retryMs: 2_000, ...config.leaderLease });
  const fence = config.leaderLease?.connectionString ? createLeaderFence(prisma, CITY_LEADER_LOCK_KEY, lease.sessionPid) : undefined;
  // On before the city starts, so the alert engine's first changes already write their events.
  const opsEvents = config.opsEvents && startOpsEvents(prisma, config.opsEvents);
  // Made before the city so the status bar can show it; it starts bridging only when this instance leads.
  let screenBatch: TIngestPipeline["screenBatch"] | undefined;
  const mqttBridge =
    config.mqttBridge &&
    createMqttKafkaBridge({
      ...config.mqttBridge,
      screenBatch: () => {
        if (!screenBatch) throw new Error("the city runtime has not started");
        return screenBatch;
      },
    });
  const city = await startCityRuntime({
    leading: lease.isLeader(),
    httpServer: config.httpServer,
    entities: config.city.entities,
    domains: config.city.domains,
    source: config.city.source,
    flushMs: config.city.flushMs,
    minFlushMs: config.city.minFlushMs,
    viewBudget: config.city.viewBudget,
    onDeltaFlush: metrics.onDeltaFlush,
    latencyProbe: config.city.latencyProbe,
    timeLimits: config.city.timeLimits,
    ...(config.city.deadLetters === "database"
      ? {
          recordDeadLetters: (letters) =>
            recordDeadLetters(prisma, deadLettersStoredHere(letters, lease.isLeader()), config.city.source.kind),
          isDeadLetterStoreReachable: async () => (await database.ping.check(0)).ok,
          onReplayAccepted: (replays) =>
            void markReplaysAccepted(prisma, replays).catch((error: unknown) =>
              console.warn("dead letters: could not record replays that passed", { replays, error }),
            ),
        }
      : { recordDeadLetters: async () => {} }),
    deadLetterBufferMax: config.city.deadLetterBufferMax,
    authenticate: config.auth.authenticateSocket ?? ((headers) => authenticateHeaders(auth, headers)),
    allowedOrigins: config.http.allowedOrigins,
    redis: config.redis,
    alerts: parts.alerts && { prisma, ...parts.alerts, fence },
    dispatch: parts.dispatch,
    mqttBridgeStatus: mqttBridge?.status,
  });
  screenBatch = city.screenBatch;
  // Units are seeded by the dispatch runtime: only now can the demo field user join one.
  if (config.auth.demoUsers && parts.dispatch) await crewDemoFieldUser(prisma);

  // Per-minute city state for time playback, written off the ingest path.
  const recorder =
    parts.recorder && startEntityHistoryRecorder({ prisma, cityState: city.cityState, ...parts.recorder, leading: lease.isLeader() });
  const capFeeds = parts.capFeeds && createCapFeedPoller({ prisma, hub: city.hub, everyMs: parts.capFeeds.pollSeconds * 1000 });
  const notifications =
    parts.notifications && (await startNotifications(prisma, config.city.entities, parts.notifications, config.city.domains));
  const crewAcks: TCrewAckWatch | undefined =
    parts.dispatch && parts.crewAcks ? createCrewAckWatch({ prisma, publish: hubPublisher(city.hub), ...parts.crewAcks }) : undefined;
  const leaderParts = runWhileLeader(
    lease,
    // The relay first, so it stops last: what the other parts write while stopping still goes out.
    // The bridge last, so it stops first: no message is forwarded by a leader that is letting go.
    [
      opsEvents?.leaderWork,
      city.alerts?.leaderWork,
      city.dispatch?.leaderWork,
      recorder?.leaderWork,
      capFeeds?.leaderWork,
      notifications?.escalations.leaderWork,
      notifications?.notifier.leaderWork,
      crewAcks?.leaderWork,
      mqttBridge?.leaderWork,
    ].filter((part) => part !== undefined),
  );
  await leaderParts.settled();

  const runtime: TRegisteredRuntime = {
    city,
    database,
    auth,
    authSettings: buildAuthSettings(authEnv, { demo: config.auth.offerDemoUsers ?? config.auth.demoUsers }),
    apiKeyRateLimit: createApiKeyRateLimit(config.apiKeys?.maxRequestsPerMinute ?? DEFAULT_API_KEY_MAX_REQUESTS_PER_MINUTE),
    open311ReportRateLimit: createApiKeyRateLimit(config.apiKeys?.maxReportsPerMinute ?? DEFAULT_OPEN311_MAX_REPORTS_PER_MINUTE),
    readiness: createReadiness({ database: database.ping, isSourceReady: config.isSourceReady, isMqttBridgeReady: mqttBridge?.readiness }),
    recorder,
    isLeader: leaderParts.isLeading,
    outboxBacklog: opsEvents?.backlog,
    mqttStatus: mqttBridge?.status ?? config.city.source.mqttStatus,
    notifications,
    crewAcks,
  };
  registerRuntime(runtime);
  metrics.watch(runtime);

  if (parts.kpiWarmUp) {
    // The last year's response-time figures, read now rather than on a supervisor's first click.
    warmKpiCells(prisma, parts.kpiWarmUp.timeZone).catch((error: unknown) =>
      console.warn("Could not pre-read the last year's figures:", error),
    );
  }

  let stopping: Promise<void> | undefined;
  const stop = async () => {
    // Intake first so nothing is half-processed, then the writers, then the server; the database last
    // (PGlite must be closed cleanly).
    await city.stop();
    unregisterRuntime(runtime);
    await recorder?.stop();
    // The lock goes last among the writers: nobody else leads while this instance still writes.
    await leaderParts.stop();
    opsEvents?.stop();
    await lease.stop();
    await new Promise<void>((resolve) => config.httpServer.close(() => resolve()));
    await handler?.close?.();
    if (ownsDatabase) await database.close();
  };
  return {
    database,
    auth,
    city,
    recorder,
    runtime,
    seededDemoUsers,
    stop: () => (stopping ??= stop()),
  };
}

function authSecretOf({ env, secretDir }: TAppConfig["auth"]): Promise<string> {
  if (env.BETTER_AUTH_SECRET) return Promise.resolve(env.BETTER_AUTH_SECRET);
  if (secretDir === undefined) throw new Error("createApp: give auth.env.BETTER_AUTH_SECRET or a secretDir to keep a generated one in");
  return resolveAuthSecret({ dataDir: secretDir });
}
