import { createServer } from "node:http";
import next from "next";
import { serverEnv } from "@/server/env";
import { loadCityPack } from "@/server/city/load-city-pack";
import { startCityRuntime } from "@/server/city-runtime";
import { createDatabase } from "@/server/db/client";
import { isDeadLetterStoreReachable, recordDeadLetters } from "@/server/db/dead-letters";
import { createEventSource } from "@/server/ingest/create-event-source";
import { resolveAuthSecret } from "@/server/auth/auth-secret";
import { buildAuthSettings } from "@/server/auth/auth-settings";
import { authenticateHeaders } from "@/server/auth/authenticate";
import { createAuth } from "@/server/auth/create-auth";
import { crewDemoFieldUser, DEMO_PASSWORD, DEMO_USERS, seedDemoUsers } from "@/server/auth/demo-users";
import { stampClientIp } from "@/server/http/client-ip";
import { refuseOversizedBody } from "@/server/http/body-limit";
import { createReadiness } from "@/server/health/readiness";
import { registerRuntime } from "@/server/runtime-registry";
import { startEntityHistoryRecorder } from "@/server/playback/entity-history-recorder";
import { registerEntityHistoryRecorder } from "@/server/playback/recorder-registry";
import { CITY_TIME_ZONE } from "@/server/history/city-time-zone";
import { warmKpiCells } from "@/server/history/kpi-range-cache";

/**
 * One Node process: Next.js pages and route handlers, socket.io on the same
 * port, and the ingest pipeline feeding it.
 */
async function main() {
  const env = serverEnv();
  const dev = env.NODE_ENV !== "production";
  const database = await createDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    timeouts: {
      connectMs: env.DATABASE_CONNECT_TIMEOUT_MS,
      statementMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
      idleInTransactionMs: env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    },
  });
  const { manifest, entities } = await loadCityPack(env.CITY_PACK);
  const secret = await resolveAuthSecret({ secret: env.BETTER_AUTH_SECRET, dataDir: env.DATA_DIR });
  const auth = createAuth({ prisma: database.prisma, env: { ...env, BETTER_AUTH_SECRET: secret } });
  const hasDemoUsers = !env.DATABASE_URL || env.DEMO_USERS;
  const seeded = hasDemoUsers ? await seedDemoUsers(auth, database.prisma) : [];

  const httpServer = createServer();
  const app = next({ dev, hostname: env.HOSTNAME, port: env.PORT, httpServer });
  const handle = app.getRequestHandler();
  await app.prepare();
  // socket.io (attached below) intercepts its own /socket.io/ requests before this listener.
  httpServer.on("request", (req, res) => {
    // Before anything reads the body: a huge upload is refused from its headers.
    if (refuseOversizedBody(req, res, env.MAX_REQUEST_BODY_BYTES)) return;
    stampClientIp(req, { trustProxy: env.TRUST_PROXY });
    void handle(req, res);
  });

  const source = createEventSource(env, entities);
  const runtime = await startCityRuntime({
    httpServer,
    entities,
    source,
    flushMs: env.DELTA_FLUSH_MS,
    recordDeadLetters: (letters) => recordDeadLetters(database.prisma, letters),
    isDeadLetterStoreReachable: () => isDeadLetterStoreReachable(database.prisma),
    deadLetterBufferMax: env.DEAD_LETTER_BUFFER_MAX,
    timeLimits: { maxFutureSkewMs: env.INGEST_MAX_FUTURE_SKEW_SECONDS * 1000, maxAgeMs: env.INGEST_MAX_EVENT_AGE_SECONDS * 1000 },
    authenticate: (headers) => authenticateHeaders(auth, headers),
    alerts: { prisma: database.prisma, escalationSeconds: env.ALERT_ESCALATION_SECONDS },
    unitCheckInSeconds: env.UNIT_CHECK_IN_SECONDS,
    allowedOrigins: [env.PUBLIC_URL, ...env.ALLOWED_ORIGINS],
  });
  // Units are seeded by the runtime: only now can the demo field user join one.
  if (hasDemoUsers) await crewDemoFieldUser(database.prisma);

  // Per-minute city state for time playback, written off the ingest path.
  const playback = startEntityHistoryRecorder({ prisma: database.prisma, cityState: runtime.cityState, retentionDays: env.PLAYBACK_RETENTION_DAYS });
  registerEntityHistoryRecorder(playback);

  registerRuntime({
    city: runtime,
    database,
    auth,
    authSettings: buildAuthSettings(env, { demo: hasDemoUsers }),
    readiness: createReadiness({ database: database.ping, isSourceReady: () => source.readiness?.() ?? true }),
  });

  await new Promise<void>((resolve) => httpServer.listen(env.PORT, env.HOSTNAME, resolve));
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  console.log(
    `CityNerve ready on http://localhost:${port}  (city: ${manifest.name}; events: ${source.kind}; database: ${database.kind})`,
  );
  // The last year's response-time figures, read now rather than on a supervisor's first click.
  warmKpiCells(database.prisma, CITY_TIME_ZONE).catch((error: unknown) => console.warn("Could not pre-read the last year's figures:", error));
  if (hasDemoUsers) {
    const list = DEMO_USERS.map((u) => `  ${u.role.padEnd(10)} ${u.email}`).join("\n");
    console.log(`Demo accounts (password "${DEMO_PASSWORD}")${seeded.length ? `, created ${seeded.length} now` : ""}:\n${list}`);
  }

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log(`${signal}: shutting down`);
    // Stop intake first so nothing is half-processed, then close the database (PGlite must be closed cleanly).
    await runtime.stop();
    registerEntityHistoryRecorder(undefined);
    await playback.stop();
    await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    await app.close?.();
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
