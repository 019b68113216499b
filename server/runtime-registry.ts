import type { TMqttStatus } from "@/lib/contracts/realtime";
import type { TApiKeyRateLimit } from "./api-keys/api-key-rate-limit";
import type { TAuth } from "./auth/create-auth";
import type { TCityRuntime } from "./city-runtime";
import type { TDatabase } from "./db/client";
import type { TReadinessProbe } from "./health/readiness";
import type { TNotifications } from "./notifications/start-notifications";
import type { TCrewAckWatch } from "./dispatch/crew-ack-watch";
import type { TEntityHistoryRecorder } from "./playback/entity-history-recorder";

/** What route handlers need to know about sign-in, decided once at start from the environment. */
export type TAuthSettings = {
  /** Origins a state-changing request may come from (CSRF check). */
  trustedOrigins: string[];
  sso: { enabled: boolean; label: string; providerId: string };
  /** The four demo accounts exist (embedded mode or DEMO_USERS=true). */
  demo: boolean;
};

/**
 * Next.js bundles route handlers separately from server.ts, so module-level
 * singletons are not shared between them. createApp (server/app/create-app.ts)
 * registers the live app here, on globalThis, for route handlers to read (per
 * request, lazily). The one registry: everything a route needs hangs off it.
 */
export type TRegisteredRuntime = {
  city: TCityRuntime;
  database: TDatabase;
  auth: TAuth;
  authSettings: TAuthSettings;
  /** Per-key request budget of partner apps' API keys (API_KEY_MAX_REQUESTS_PER_MINUTE). */
  apiKeyRateLimit: TApiKeyRateLimit;
  /** Per-key budget of Open311 reports, on top of the key's request budget (OPEN311_MAX_REPORTS_PER_MINUTE). */
  open311ReportRateLimit: TApiKeyRateLimit;
  /** GET /api/health/ready; absent → the database alone decides (server/health/readiness.ts). */
  readiness?: TReadinessProbe;
  /** Time playback's recorder, when it runs: its retention describes the playback range. */
  recorder?: TEntityHistoryRecorder;
  /** Whether this instance leads: holds the leader lease and runs the one-instance parts (always, in embedded mode). */
  isLeader(): boolean;
  /** Operational events waiting in the outbox for Kafka; absent → no outbox. */
  outboxBacklog?: () => number;
  /** The MQTT edge, as the source or as the bridge to Kafka; absent → MQTT_URL unset. */
  mqttStatus?: () => TMqttStatus;
  /** Contact points' channels and the leader's notifier; absent → the part is off (benchmarks). */
  notifications?: TNotifications;
  /** The leader's check of crews' acknowledgements (tests run a round with runOnce). */
  crewAcks?: TCrewAckWatch;
};

const KEY = Symbol.for("citynerve.runtime");
type TGlobal = typeof globalThis & { [KEY]?: TRegisteredRuntime };

export function registerRuntime(runtime: TRegisteredRuntime | undefined): void {
  (globalThis as TGlobal)[KEY] = runtime;
}

export function getRuntime(): TRegisteredRuntime | undefined {
  return (globalThis as TGlobal)[KEY];
}

/** Takes `runtime` off the registry, unless another one has replaced it meanwhile (tests start several apps). */
export function unregisterRuntime(runtime: TRegisteredRuntime): void {
  if (getRuntime() === runtime) registerRuntime(undefined);
}
