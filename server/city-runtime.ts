import { entitySlotsOf } from "@/lib/wire/entity-slots";
import type { Server as HttpServer } from "node:http";
import type { TCityEntities } from "@/lib/contracts/city-pack";
import { CityState } from "@/server/city/city-state";
import type { TLeaderFence } from "@/server/cluster/leader-fence";
import type { PrismaClient } from "@/server/db/generated/client";
import { startDispatchRuntime, type TDispatchRuntime } from "@/server/dispatch/dispatch-runtime";
import { startAlertRuntime, type TAlertRuntime } from "@/server/alerts/alert-runtime";
import { startZoneDirectory, type TZoneDirectory } from "@/server/zones/zone-directory";
import { hubPublisher } from "@/server/realtime/publisher";
import { buildEntityRegistry } from "@/server/ingest/entity-registry";
import { indexTiles } from "@/lib/live/tile-index";
import { EMPTY_DOMAIN_REGISTRY, type TDomainRegistry } from "@/server/domains/domain-registry";
import { IngestStats } from "@/server/ingest/ingest-stats";
import { createDeadLetterBuffer, type TDeadLetterBuffer } from "@/server/ingest/dead-letter-buffer";
import { createIngestPipeline, type TIngestPipeline, type TIngestPipelineDeps } from "@/server/ingest/pipeline";
import type { TDeadLetter, TEventSource } from "@/server/ingest/types";
import type { TLatencyProbe } from "@/server/ingest/latency-probe";
import type { TMqttStatus } from "@/lib/contracts/realtime";
import { createRealtimeHub, type TAuthenticateSocket, type TRealtimeHub, type TRealtimeHubOptions } from "@/server/realtime/realtime-hub";

export type TCityRuntimeDeps = {
  httpServer: HttpServer;
  entities: TCityEntities;
  /** Declared sensor domains (lib/domains/definitions) with their sensors placed on this city; absent → none. */
  domains?: TDomainRegistry;
  source: TEventSource;
  /** Durable store of dead letters (PostgreSQL). May fail or be down: a bounded buffer stands in front of it. */
  recordDeadLetters: (letters: TDeadLetter[]) => Promise<void>;
  /** Whether that store answers at all: while it does not, letters wait (default: it always answers). */
  isDeadLetterStoreReachable?: () => Promise<boolean>;
  /** Replayed dead letters that passed validation this time (by letter id); never awaited. */
  onReplayAccepted?: TIngestPipelineDeps["onReplayAccepted"];
  /** DEAD_LETTER_BUFFER_MAX */
  deadLetterBufferMax?: number;
  /** From INGEST_MAX_FUTURE_SKEW_SECONDS / INGEST_MAX_EVENT_AGE_SECONDS; default 300 s ahead / 7 days old. */
  timeLimits?: TIngestPipelineDeps["timeLimits"];
  flushMs: number;
  /** DELTA_FLUSH_MIN_MS: the adaptive delta window's shortest gap (absent → a fixed window of flushMs). */
  minFlushMs?: number;
  /** VIEWPORT_ENTITY_BUDGET: the most static entities a browser's viewport is sent one by one. */
  viewBudget?: number;
  /** How often overview clients get fresh per-tile summaries (default 2 s; tests shorten it). */
  summariesMs?: number;
  isClientBusy?: TRealtimeHubOptions["isBusy"];
  onDeltaFlush?: TRealtimeHubOptions["onFlush"];
  /** Benchmarks only: timing hooks in the pipeline and the hub's flush. */
  latencyProbe?: TLatencyProbe;
  /** Who may open a socket: the session behind its handshake. */
  authenticate: TAuthenticateSocket;
  /** Browser origins a socket handshake may come from (PUBLIC_URL + ALLOWED_ORIGINS); absent → any (tests, benchmarks). */
  allowedOrigins?: readonly string[];
  /** Redis shared by the city's instances (REDIS_URL); absent → this process alone. */
  redis?: TRealtimeHubOptions["redis"];
  /** Alerts on the live city (rules engine → PostgreSQL → sockets); left out where there is no database. */
  alerts?: { prisma: PrismaClient; escalationSeconds: number; timers?: boolean; fence?: TLeaderFence };
  /**
   * Units, routing and dispatch on the alerts' database (incidents are placed in the alerts' zones, so
   * this needs `alerts`). A unit on scene longer than `checkInSeconds` without contact is flagged.
   */
  dispatch?: { checkInSeconds: number };
  /** The MQTT bridge to Kafka (MQTT_URL with KAFKA_BROKERS), shown beside the source's own status. */
  mqttBridgeStatus?: () => TMqttStatus;
  /** Whether alerts and dispatch start with their one-instance work (default yes); then it follows the leader lease. */
  leading?: boolean;
};

export type TCityRuntime = {
  cityState: CityState;
  /** The city pack's assets the state describes (names and places of what the events only name by id). */
  entities: TCityEntities;
  /** Declared sensor domains and their sensors (empty when none were given). */
  domains: TDomainRegistry;
  stats: IngestStats;
  hub: TRealtimeHub;
  source: TEventSource;
  /** Dead letters on their way to PostgreSQL: `stats()` for waiting / stored / dropped counts. */
  deadLetters: TDeadLetterBuffer;
  /** Validation alone (rejects dead-lettered here), for the MQTT bridge that forwards valid messages to Kafka. */
  screenBatch: TIngestPipeline["screenBatch"];
  alerts?: TAlertRuntime;
  /** The zones alerts, incidents, dispatch and reports are placed in (on the alerts' database). */
  zones?: TZoneDirectory;
  dispatch?: TDispatchRuntime;
  stop(): Promise<void>;
};

export const DEFAULT_UNIT_CHECK_IN_SECONDS = 600;

/**
 * Wires the one data path: source → validate → city state → realtime hub (and → rules engine → alerts,
 * and dispatch when asked for). server/app/create-app.ts puts it together with the rest of the app; tests
 * of the data path alone start it directly.
 */
export async function startCityRuntime(deps: TCityRuntimeDeps): Promise<TCityRuntime> {
  const cityState = new CityState();
  const stats = new IngestStats();
  const registry = buildEntityRegistry(deps.entities);
  const deadLetters = createDeadLetterBuffer({
    store: deps.recordDeadLetters,
    isReachable: deps.isDeadLetterStoreReachable ?? (async () => true),
    maxWaiting: deps.deadLetterBufferMax,
  });
  const sink = createIngestPipeline({
    registry,
    domains: deps.domains,
    cityState,
    stats,
    deadLetters,
    onReplayAccepted: deps.onReplayAccepted,
    timeLimits: deps.timeLimits,
    probe: deps.latencyProbe,
  });
  const hub = createRealtimeHub(deps.httpServer, {
    cityState,
    flushMs: deps.flushMs,
    minFlushMs: deps.minFlushMs,
    viewBudget: deps.viewBudget,
    summariesMs: deps.summariesMs,
    placement: placementOf(deps.entities, deps.domains ?? EMPTY_DOMAIN_REGISTRY),
    slots: entitySlotsOf(deps.entities),
    isBusy: deps.isClientBusy,
    onFlush: deps.onDeltaFlush,
    probe: deps.latencyProbe,
    authenticate: deps.authenticate,
    allowedOrigins: deps.allowedOrigins,
    redis: deps.redis,
    readStats: () => ({
      ...stats.read(deps.source.kind, deps.source.consumerLag(), deps.source.status?.() ?? null),
      deadLetterStore: deadLetters.stats(),
      ...mqttStatusOf(deps),
    }),
  });
  if (deps.dispatch && !deps.alerts) throw new Error("dispatch runs on the alerts' database and zones: start it with alerts");
  // Before the source starts, so the first events are already evaluated.
  const zones = deps.alerts ? await startZoneDirectory({ prisma: deps.alerts.prisma, entities: deps.entities }) : undefined;
  const alerts =
    deps.alerts && zones
      ? await startAlertRuntime({
          ...deps.alerts,
          cityState,
          entities: deps.entities,
          publish: hubPublisher(hub),
          leading: deps.leading,
          zoneOf: zones.zoneOf,
          domains: deps.domains,
        })
      : undefined;
  // Another instance changed a rule; the one that made the change has reloaded already.
  hub.cluster.onNotice("rules:changed", () => {
    alerts?.reloadRules().catch((error: unknown) => console.error("[alerts] reloading rules changed on another instance failed:", error));
  });
  // Another instance changed zones; the one that made the change has reloaded already.
  hub.cluster.onNotice("zones:changed", () => {
    zones?.reload().catch((error: unknown) => console.error("[zones] reloading zones changed on another instance failed:", error));
  });
  const dispatch =
    deps.dispatch && deps.alerts && alerts
      ? await startDispatchRuntime({
          prisma: deps.alerts.prisma,
          cityState,
          entities: deps.entities,
          publish: hubPublisher(hub),
          zoneOf: alerts.zoneOf,
          driver: deps.source.units,
          checkInSeconds: deps.dispatch.checkInSeconds,
          registerUnit: (id) => registry.addUnit(id),
          leading: deps.leading,
        })
      : undefined;
  // Partitions another instance owned: their ongoing conditions continue that instance's alerts.
  // Synchronous on purpose: events are held from the moment recoverEpisodes() is called.
  deps.source.onPartitionsAssigned?.(() => {
    alerts
      ?.recoverEpisodes()
      .catch((error: unknown) => console.error("[alerts] reading open alerts after a partition assignment failed:", error));
  });
  await deps.source.start(sink);

  let stopped = false;
  return {
    cityState,
    entities: deps.entities,
    domains: deps.domains ?? EMPTY_DOMAIN_REGISTRY,
    stats,
    hub,
    source: deps.source,
    deadLetters,
    screenBatch: sink.screenBatch,
    alerts,
    zones,
    dispatch,
    async stop() {
      if (stopped) return;
      stopped = true;
      await deps.source.stop();
      // Letters still waiting get a few seconds to reach PostgreSQL before the database closes.
      await deadLetters.stop();
      dispatch?.stop();
      await alerts?.stop();
      await hub.close();
    },
  };
}

/** Present only when the MQTT edge is on: as the source itself, or as the bridge beside Kafka. */
export function mqttStatusOf(deps: Pick<TCityRuntimeDeps, "source" | "mqttBridgeStatus">): { mqtt?: TMqttStatus } {
  const mqtt = deps.mqttBridgeStatus?.() ?? deps.source.mqttStatus?.();
  return mqtt ? { mqtt } : {};
}

/** Where the pack's entities and the declared sensors are, for viewport subscriptions and per-tile summaries. */
function placementOf(entities: TCityEntities, domains: TDomainRegistry): TRealtimeHubOptions["placement"] {
  const freeFlow = new Map(entities.segments.map((segment) => [segment.id, segment.freeFlowKmh]));
  return {
    tiles: indexTiles(entities, domains.domains),
    freeFlowKmh: (segmentId) => freeFlow.get(segmentId),
    domains: domains.domains.map((domain) => domain.definition),
  };
}
