import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

// Prisma 7's CLI does not read .env itself.
if (existsSync(".env")) process.loadEnvFile(".env");

// Prisma 7's CLI wants its native schema engine even for `generate`, and cannot download it offline.
// `generate` only needs this to point at an existing file; the stub fails loudly if a command
// (migrate, db push, introspection) really calls it. An engine set by the caller wins.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(new URL("./prisma/offline-engine-stub.sh", import.meta.url));

export default defineConfig({
  schema: "prisma/schema.prisma",
  // Committed SQL, applied at start by server/db/migrate.ts (Prisma-compatible bookkeeping).
  migrations: { path: "prisma/migrations" },
  // Only migrate/introspect commands use a URL; generate and the app (driver adapters) do not.
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
