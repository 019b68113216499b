import { z } from "zod";
import { ZRole } from "@/lib/contracts/auth";
import { DEFAULT_VIEW_BUDGET } from "@/lib/live/choose-view";
import { isMqttTopicPattern } from "@/server/ingest/mqtt-topic";
import { parseWebhookAllowList } from "@/server/notifications/webhook-allow-list";

/**
 * The one place that reads process.env. Parsed at start so a bad setting fails
 * loudly with the variable's name instead of misbehaving later.
 * Unset DATABASE_URL → embedded PGlite; unset KAFKA_BROKERS → built-in simulator.
 */
const ZCsv = z.string().transform((s) =>
  s
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean),
);

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The city's time zone alone, for tools (bench, seed) that do not need the whole server environment. */
export const cityTimeZoneFrom = (env: NodeJS.ProcessEnv): string => ZServerEnvFields.shape.CITY_TIME_ZONE.parse(env.CITY_TIME_ZONE);

/** Where the app keeps its data and which city it serves, for tools (assets:import) that open the app's database. */
export const toolEnvFrom = (env: NodeJS.ProcessEnv) =>
  ZServerEnvFields.pick({ DATABASE_URL: true, DATA_DIR: true, CITY_PACK: true }).parse(
    // Empty strings count as unset, as in parseServerEnv.
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== "")),
  );

const ZFlag = z.enum(["true", "false"]).transform((v) => v === "true");

const ZServerEnvFields = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOSTNAME: z.string().default("0.0.0.0"),
  /** postgres://… → real PostgreSQL; unset → embedded PGlite in DATA_DIR/pg */
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default(".data"),
  /** host:port,host:port → consume from Kafka; unset → embedded simulator */
  KAFKA_BROKERS: ZCsv.optional(),
  KAFKA_CLIENT_ID: z.string().default("citynerve"),
  /** Prefix of each instance's own consumer group: `<prefix>.<INSTANCE_ID>` (every instance reads every partition). */
  KAFKA_GROUP_ID: z.string().default("citynerve-city-state"),
  /**
   * On start an instance replays this much of every partition to learn the whole city: at least the longest
   * interval between two readings of one sensor. The simulator reads all 801 sensors every 801 / SIM_RATE s
   * (1.6 s at 500/s), a metro's every 120 s at most, and units every second; raise it for sensors that
   * report less often (150 for the generated metro).
   */
  KAFKA_BOOTSTRAP_REPLAY_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 86_400)
    .default(60),
  /** Where a position that fell out of the broker's retention is reset to (a start is the bootstrap replay). */
  KAFKA_OFFSET_RESET: z.enum(["earliest", "latest"]).default("latest"),
  /** With KAFKA_BROKERS: alert, incident and unit changes also go to the city.ops.* topics (through the outbox). */
  OPS_EVENTS: ZFlag.default(true),
  /** Hours a published outbox row is kept (for looking into what went out) before it is deleted. */
  OPS_OUTBOX_RETENTION_HOURS: z.coerce
    .number()
    .min(0)
    .max(24 * 30)
    .default(24),
  /**
   * mqtt://host:1883 or mqtts://host:8883 → the MQTT edge: sensors publish to MQTT_TOPIC_PATTERN. With KAFKA_BROKERS
   * the leader forwards each message to its domain's Kafka topic; without, every instance feeds its own city from it.
   */
  MQTT_URL: z.url({ protocol: /^(mqtts?|wss?)$/ }).optional(),
  MQTT_USERNAME: z.string().max(1000).optional(),
  MQTT_PASSWORD: z.string().max(1000).optional(),
  /** PEM files for TLS (an mqtts:// or wss:// URL): the broker's CA, and this client's certificate and key for mutual TLS. */
  MQTT_CA_FILE: z.string().optional(),
  MQTT_CERT_FILE: z.string().optional(),
  MQTT_KEY_FILE: z.string().optional(),
  /**
   * The client id, which names the broker's persistent session (what was published while the bridge was away waits
   * in it). Default: `citynerve-bridge` with KAFKA_BROKERS (one session for the city, taken by whichever instance
   * leads), else `citynerve-<INSTANCE_ID or host name>` (a session per instance). Two clients with one id take the
   * session from each other.
   */
  MQTT_CLIENT_ID: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,128}$/)
    .optional(),
  /** Topics sensors publish to: the first `+` is the domain (traffic, parking, waste, energy, units), the second the entity id. */
  MQTT_TOPIC_PATTERN: z
    .string()
    .default("city/+/+")
    .refine(
      (pattern) => isMqttTopicPattern(pattern),
      "an MQTT topic with exactly two `+` levels (domain, then entity id) and no `#`, e.g. city/+/+",
    ),
  /** redis://… shared by the city's instances → pushes reach browsers on every instance; unset → one process. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** Names this city's Redis stream and channels (several cities, or staging, can share one Redis). */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]+$/)
    .default("citynerve"),
  /** An event observed further than this in the future is dead-lettered (a clock gone wrong must not freeze its entity). */
  INGEST_MAX_FUTURE_SKEW_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  /** An event observed longer ago than this is dead-lettered; 0 = no limit. Default: Kafka's default retention. */
  INGEST_MAX_EVENT_AGE_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .default(7 * 86_400),
  /** Dead letters waiting for PostgreSQL (it is down or slow); past this the oldest are dropped and counted. */
  DEAD_LETTER_BUFFER_MAX: z.coerce.number().int().min(1).max(10_000_000).default(50_000),
  /** PostgreSQL server: how long to wait for a connection, a statement, and a transaction left idle. */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(15_000),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(15_000),
  /** Largest request body any route reads (413 beyond it, refused before reading). */
  MAX_REQUEST_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .default(1024 * 1024),
  /** More browser origins allowed besides PUBLIC_URL (comma-separated), for sockets and state-changing requests. */
  ALLOWED_ORIGINS: ZCsv.default([]),
  /** Folder under public/city/: the city served (built by `npm run city:build` or `npm run city:import`). */
  CITY_PACK: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .default("three-rivers"),
  /** Folder of declared sensor domain definitions (*.json); absent → lib/domains/definitions. */
  DOMAIN_DEFINITIONS_DIR: z.string().min(1).optional(),
  SIM_SEED: z.coerce.number().int().default(42),
  /** Events per second the embedded simulator produces; raised so every sensor is read at least every 120 s. */
  SIM_RATE: z.coerce.number().positive().max(1_000_000).default(500),
  /** Share of simulated messages sent malformed, so the dead-letter path is visible in the demo. */
  SIM_MALFORMED_RATIO: z.coerce.number().min(0).max(1).default(0.002),
  /** How often coalesced deltas are pushed to browsers. */
  DELTA_FLUSH_MS: z.coerce.number().int().min(10).max(10_000).default(100),
  /**
   * The adaptive window: changes go out this soon after the previous delta while flushing is cheap, later (up to
   * DELTA_FLUSH_MS) as it grows costly; 0 (the default) → a fixed window of DELTA_FLUSH_MS. Opt-in: measured under
   * load it did not lower the total p99, and it sends up to 4× the deltas to every browser (README, Benchmarks).
   */
  DELTA_FLUSH_MIN_MS: z.coerce.number().int().min(0).max(10_000).default(0),
  /**
   * The most static entities (road segments, lots, bins, grid assets) a browser is sent one by one for its viewport;
   * a viewport over more gets per-tile summaries instead (lib/live/choose-view.ts). A city this small or smaller is
   * always sent whole.
   */
  VIEWPORT_ENTITY_BUDGET: z.coerce.number().int().min(100).max(1_000_000).default(DEFAULT_VIEW_BUDGET),
  /** An unacknowledged critical alert older than this is escalated (flagged, pushed, audited). */
  ALERT_ESCALATION_SECONDS: z.coerce.number().int().min(1).max(86_400).default(120),
  /** A unit on scene with no word from its crew for longer than this is flagged to the operator. */
  UNIT_CHECK_IN_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
  /** With DATABASE_URL: how often a follower tries for the leader lease and the leader checks it still holds it. */
  LEADER_RETRY_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
  /** Days of per-minute city state kept for time playback (whole days are dropped after that). */
  PLAYBACK_RETENTION_DAYS: z.coerce.number().int().min(1).max(366).default(7),
  /** The city's time zone: response-time figures by hour of day, the simulator's daily rhythm. */
  CITY_TIME_ZONE: z.string().default("America/Detroit").refine(isTimeZone, "an IANA time zone name, e.g. Europe/Berlin"),
  /** How dates and numbers read on every screen (a BCP 47 tag), whatever each browser's own settings. */
  CITY_LOCALE: z
    .string()
    .default("en-US")
    .refine((tag) => Intl.DateTimeFormat.supportedLocalesOf([tag]).length === 1, "a BCP 47 language tag, e.g. en-GB or de-DE"),

  /** Where browsers reach this server (an origin, no path); CSRF checks and cookies are bound to it. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Signs session cookies. Required with DATABASE_URL; embedded mode generates one into DATA_DIR. */
  BETTER_AUTH_SECRET: z.string().min(32, "at least 32 characters (openssl rand -base64 32)").optional(),
  /** Sessions end this long after sign-in (one shift), whatever the activity. */
  SESSION_MAX_AGE_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(8),
  /** Sign-in attempts per client IP per minute before 429. */
  AUTH_SIGN_IN_MAX_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(5),
  /** Requests per minute each partner app's API key may make (NGSI-LD, Open311) before 429. */
  API_KEY_MAX_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  /** Open311 reports (POST requests.json) per minute each API key may send, within its request budget, before 429. */
  OPEN311_MAX_REPORTS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
  /** How often the leader polls the CAP feeds admins subscribed to (conditional GETs: an unchanged feed costs a 304). */
  CAP_FEED_POLL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(60),
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465 → email contact points; unset → email says it is not configured. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** The From of alert emails, e.g. "CityNerve <alerts@city.example>". */
  SMTP_FROM: z.string().max(320).default("CityNerve <citynerve@localhost>"),
  /** Web Push key pair (npx web-push generate-vapid-keys); unset → generated on first start and kept in the database. */
  VAPID_PUBLIC_KEY: z.string().min(40).optional(),
  VAPID_PRIVATE_KEY: z.string().min(20).optional(),
  /** Who push services may contact about this sender: an https: URL or mailto: address (default: PUBLIC_URL if https, else a mailto:). */
  VAPID_SUBJECT: z
    .string()
    .regex(/^(https:|mailto:)/, "an https: URL or a mailto: address")
    .optional(),
  /**
   * Where webhooks may be sent, comma-separated: `public` (globally routable addresses), CIDRs or addresses
   * (`10.20.0.0/16`, `::1`) and host names (`hooks.example.com`, `*.example.com`). Default `public`: loopback,
   * private, link-local (cloud metadata), unique-local and other internal addresses are refused (SSRF).
   */
  NOTIFY_WEBHOOK_ALLOW: z
    .string()
    .default("public")
    .transform((value) =>
      value
        .split(",")
        .map((entry) => entry.trim())
        .filter((entry) => entry !== ""),
    )
    .refine((entries) => {
      try {
        parseWebhookAllowList(entries);
        return true;
      } catch {
        return false;
      }
    }, "comma-separated entries: public, a CIDR, an IP address or a host name pattern"),
  /** How often the leader looks for newly raised alerts and due deliveries (webhook, email, Web Push). */
  NOTIFY_POLL_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
  /** Bearer token a Prometheus scraper sends for GET /metrics; unset → /metrics answers this host (loopback) only. */
  METRICS_TOKEN: z.string().min(16, "at least 16 characters (openssl rand -hex 32)").optional(),
  /** Behind a reverse proxy: take the client IP from the last X-Forwarded-For hop it appended. */
  TRUST_PROXY: ZFlag.default(false),
  /** Seed the four demo accounts although DATABASE_URL is set (always seeded in embedded mode). */
  DEMO_USERS: ZFlag.default(false),
  ALLOW_DEMO_USERS_IN_PRODUCTION: ZFlag.default(false),
  /** Optional OpenID Connect single sign-on (issuer URL with /.well-known/openid-configuration). */
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  /** Space-separated scopes to request; add the one that releases the role claim if the IdP needs it. */
  OIDC_SCOPES: z
    .string()
    .default("openid email profile")
    .transform((s) => s.split(/\s+/).filter(Boolean)),
  /** ID-token claim holding the user's CityNerve role (a string or an array of strings). */
  OIDC_ROLE_CLAIM: z.string().default("roles"),
  /** Role for SSO users whose claim names none of ours. */
  OIDC_DEFAULT_ROLE: ZRole.default("operator"),
  OIDC_BUTTON_LABEL: z.string().max(60).default("Sign in with SSO"),
});

// Rules that span variables; each message names what to set.
const ZServerEnv = ZServerEnvFields.superRefine((env, ctx) => {
  if (env.DATABASE_URL && !env.BETTER_AUTH_SECRET) {
    ctx.addIssue({
      code: "custom",
      path: ["BETTER_AUTH_SECRET"],
      message: "required when DATABASE_URL is set (a real deployment): generate one with `openssl rand -base64 32`",
    });
  }
  if (env.DATABASE_URL && env.DEMO_USERS && env.NODE_ENV === "production" && !env.ALLOW_DEMO_USERS_IN_PRODUCTION) {
    ctx.addIssue({
      code: "custom",
      path: ["DEMO_USERS"],
      message:
        "refusing to create demo accounts with a known password in production; unset DEMO_USERS, " +
        "or set ALLOW_DEMO_USERS_IN_PRODUCTION=true if this really is a demo",
    });
  }
  if (Boolean(env.MQTT_CERT_FILE) !== Boolean(env.MQTT_KEY_FILE)) {
    ctx.addIssue({ code: "custom", path: ["MQTT_CERT_FILE"], message: "MQTT_CERT_FILE and MQTT_KEY_FILE go together" });
  }
  const hasMqttTlsFiles = Boolean(env.MQTT_CA_FILE || env.MQTT_CERT_FILE || env.MQTT_KEY_FILE);
  if (hasMqttTlsFiles && !/^(mqtts|wss):/.test(env.MQTT_URL ?? "")) {
    ctx.addIssue({ code: "custom", path: ["MQTT_URL"], message: "the MQTT TLS files need an mqtts:// (or wss://) MQTT_URL" });
  }
  if (Boolean(env.VAPID_PUBLIC_KEY) !== Boolean(env.VAPID_PRIVATE_KEY)) {
    ctx.addIssue({ code: "custom", path: ["VAPID_PUBLIC_KEY"], message: "VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY go together" });
  }
  if (Boolean(env.OIDC_ISSUER) !== Boolean(env.OIDC_CLIENT_ID)) {
    ctx.addIssue({ code: "custom", path: ["OIDC_ISSUER"], message: "OIDC_ISSUER and OIDC_CLIENT_ID go together" });
  }
}).transform((env) => ({ ...env, PUBLIC_URL: new URL(env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).origin }));

export type TServerEnv = z.infer<typeof ZServerEnv>;

export function parseServerEnv(source: Record<string, string | undefined>): TServerEnv {
  // Empty strings count as unset (a common shell/compose habit).
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = ZServerEnv.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: TServerEnv | undefined;
export function serverEnv(): TServerEnv {
  cached ??= parseServerEnv(process.env);
  return cached;
}
