import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", ".next/**", "e2e/**", ".data/**"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Integration tests share one PostgreSQL server and spawn Kafka mocks; files run in parallel
    // but each uses its own database/topics.
    fileParallelism: true,
    // Vitest's default is one worker per core minus one: a single worker on a 2-core CI machine. Most files
    // spend their time waiting on PostgreSQL, Redis, Mosquitto or a Kafka mock, so at least three run side by
    // side (measured on 2 cores: 857 s with three workers under other load, against 1,226 s with one, quiet).
    maxWorkers: Math.max(3, availableParallelism() - 1),
  },
});
