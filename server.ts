import { createServer } from "node:http";
import next from "next";
import { serverEnv } from "@/server/env";
import { createApp } from "@/server/app/create-app";
import { INSTANCE_ID } from "@/server/cluster/instance-id";
import { DEMO_PASSWORD, DEMO_USERS } from "@/server/auth/demo-users";
import { loadCityPack } from "@/server/city/load-city-pack";
import { CITY_TIME_ZONE } from "@/server/history/city-time-zone";
import { createEventSource } from "@/server/ingest/create-event-source";
import { mqttConnectionFrom } from "@/server/ingest/mqtt-connection";
import { DEAD_LETTER_TOPIC } from "@/lib/contracts/layers";
import { createDomainRegistry } from "@/server/domains/domain-registry";
import { loadDomainDefinitions } from "@/server/domains/load-domain-definitions";
import { trustedOrigins } from "@/server/auth/trusted-origins";

/** How often the leader looks for assignments no crew acknowledged in time (run cards give 60–120 s). */
const CREW_ACK_CHECK_MS = 5_000;

/**
 * One Node process: Next.js pages and route handlers, socket.io on the same port, and the ingest
 * pipeline feeding it — all put together by createApp; this file only reads the environment, listens
 * and shuts down on a signal.
 */
async function main() {
  const env = serverEnv();
  const dev = env.NODE_ENV !== "production";
  const { manifest, entities } = await loadCityPack(env.CITY_PACK);
  // A bad definition stops the start here, naming the file, the field and why.
  const domains = createDomainRegistry(await loadDomainDefinitions(env.DOMAIN_DEFINITIONS_DIR), entities);
  const hasDemoUsers = !env.DATABASE_URL || env.DEMO_USERS;
  // With several instances every one reads every message: only the leader writes the dead-letter topic.
  let isLeader = () => false;
  const source = createEventSource(env, entities, { writesDeadLetterTopic: () => isLeader() }, domains);
  // With Kafka, MQTT comes in through the bridge; without, it is the source itself (createEventSource).
  const mqtt = mqttConnectionFrom(env, domains);
  const mqttBridge =
    mqtt && env.KAFKA_BROKERS
      ? { connection: mqtt, brokers: env.KAFKA_BROKERS, clientId: `${env.KAFKA_CLIENT_ID}-mqtt-bridge`, deadLetterTopic: DEAD_LETTER_TOPIC }
      : undefined;

  const httpServer = createServer();
  const nextApp = next({ dev, hostname: env.HOSTNAME, port: env.PORT, httpServer });
  const app = await createApp({
    httpServer,
    http: {
      createHandler: async () => {
        const handle = nextApp.getRequestHandler();
        await nextApp.prepare();
        return { handle: (req, res) => void handle(req, res), close: async () => nextApp.close?.() };
      },
      maxRequestBodyBytes: env.MAX_REQUEST_BODY_BYTES,
      trustProxy: env.TRUST_PROXY,
      metricsToken: env.METRICS_TOKEN,
      allowedOrigins: trustedOrigins(env.PUBLIC_URL, env.ALLOWED_ORIGINS),
    },
    database: {
      open: {
        databaseUrl: env.DATABASE_URL,
        dataDir: env.DATA_DIR,
        timeouts: {
          connectMs: env.DATABASE_CONNECT_TIMEOUT_MS,
          statementMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
          idleInTransactionMs: env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
        },
      },
    },
    auth: { env, secretDir: env.DATA_DIR, demoUsers: hasDemoUsers },
    city: {
      entities,
      domains,
      source,
      flushMs: env.DELTA_FLUSH_MS,
      minFlushMs: env.DELTA_FLUSH_MIN_MS > 0 ? env.DELTA_FLUSH_MIN_MS : undefined,
      viewBudget: env.VIEWPORT_ENTITY_BUDGET,
      timeLimits: { maxFutureSkewMs: env.INGEST_MAX_FUTURE_SKEW_SECONDS * 1000, maxAgeMs: env.INGEST_MAX_EVENT_AGE_SECONDS * 1000 },
      deadLetters: "database",
      deadLetterBufferMax: env.DEAD_LETTER_BUFFER_MAX,
    },
    parts: {
      alerts: { escalationSeconds: env.ALERT_ESCALATION_SECONDS },
      dispatch: { checkInSeconds: env.UNIT_CHECK_IN_SECONDS },
      recorder: { retentionDays: env.PLAYBACK_RETENTION_DAYS },
      kpiWarmUp: { timeZone: CITY_TIME_ZONE },
      capFeeds: { pollSeconds: env.CAP_FEED_POLL_SECONDS },
      crewAcks: { everyMs: CREW_ACK_CHECK_MS },
      notifications: {
        publicUrl: env.PUBLIC_URL,
        smtp: env.SMTP_URL ? { url: env.SMTP_URL, from: env.SMTP_FROM } : undefined,
        vapid: {
          publicKey: env.VAPID_PUBLIC_KEY,
          privateKey: env.VAPID_PRIVATE_KEY,
          subject: env.VAPID_SUBJECT ?? (env.PUBLIC_URL.startsWith("https:") ? env.PUBLIC_URL : "mailto:citynerve@localhost.invalid"),
        },
        everyMs: env.NOTIFY_POLL_MS,
        webhookAllow: env.NOTIFY_WEBHOOK_ALLOW,
      },
    },
    apiKeys: { maxRequestsPerMinute: env.API_KEY_MAX_REQUESTS_PER_MINUTE, maxReportsPerMinute: env.OPEN311_MAX_REPORTS_PER_MINUTE },
    redis: env.REDIS_URL ? { url: env.REDIS_URL, prefix: env.REDIS_PREFIX } : undefined,
    isSourceReady: () => source.readiness?.() ?? true,
    leaderLease: { connectionString: env.DATABASE_URL, retryMs: env.LEADER_RETRY_MS },
    mqttBridge,
    opsEvents:
      env.KAFKA_BROKERS && env.OPS_EVENTS
        ? { brokers: env.KAFKA_BROKERS, clientId: env.KAFKA_CLIENT_ID, retentionHours: env.OPS_OUTBOX_RETENTION_HOURS }
        : undefined,
  });

  isLeader = app.runtime.isLeader;
  await new Promise<void>((resolve) => httpServer.listen(env.PORT, env.HOSTNAME, resolve));
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  console.log(
    `CityNerve ready on http://localhost:${port}  (instance: ${INSTANCE_ID}; city: ${manifest.name}; events: ${source.kind}${mqttBridge ? " + MQTT bridge" : ""}; database: ${app.database.kind})`,
  );
  if (hasDemoUsers) {
    const list = DEMO_USERS.map((u) => `  ${u.role.padEnd(10)} ${u.email}`).join("\n");
    const created = app.seededDemoUsers.length;
    console.log(`Demo accounts (password "${DEMO_PASSWORD}")${created ? `, created ${created} now` : ""}:\n${list}`);
  }

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log(`${signal}: shutting down`);
    await app.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
