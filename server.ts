import { createServer } from "node:http";
import next from "next";
import { serverEnv } from "@/server/env";
import { loadCityPack } from "@/server/city/load-city-pack";
import { startCityRuntime } from "@/server/city-runtime";
import { createDatabase } from "@/server/db/client";
import { recordDeadLetters } from "@/server/db/dead-letters";
import { createEventSource } from "@/server/ingest/create-event-source";
import { registerRuntime } from "@/server/runtime-registry";

/**
 * One Node process: Next.js pages and route handlers, socket.io on the same
 * port, and the ingest pipeline feeding it.
 */
async function main() {
  const env = serverEnv();
  const dev = env.NODE_ENV !== "production";
  const database = await createDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  const { manifest, entities } = await loadCityPack(env.CITY_PACK);

  const httpServer = createServer();
  const app = next({ dev, hostname: env.HOSTNAME, port: env.PORT, httpServer });
  const handle = app.getRequestHandler();
  await app.prepare();
  // socket.io (attached below) intercepts its own /socket.io/ requests before this listener.
  httpServer.on("request", (req, res) => void handle(req, res));

  const source = createEventSource(env, entities);
  const runtime = await startCityRuntime({
    httpServer,
    entities,
    source,
    flushMs: env.DELTA_FLUSH_MS,
    recordDeadLetters: (letters) => recordDeadLetters(database.prisma, letters),
  });

  registerRuntime({ city: runtime, database });

  await new Promise<void>((resolve) => httpServer.listen(env.PORT, env.HOSTNAME, resolve));
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  console.log(
    `CityNerve ready on http://localhost:${port}  (city: ${manifest.name}; events: ${source.kind}; database: ${database.kind})`,
  );

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log(`${signal}: shutting down`);
    // Stop intake first so nothing is half-processed, then close the database (PGlite must be closed cleanly).
    await runtime.stop();
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
