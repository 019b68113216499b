import { Gauge, type Registry } from "prom-client";
import type { TPoolStats } from "@/server/db/client";

/** The pg pool behind Prisma (PostgreSQL server only: embedded PGlite has no pool). */
export function registerDatabasePoolMetrics(registry: Registry, poolStats: () => TPoolStats): void {
  new Gauge({
    name: "citynerve_db_pool_connections",
    help: "Connections of the PostgreSQL pool: all open ones, and those idle among them.",
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      const stats = poolStats();
      this.set({ state: "total" }, stats.total);
      this.set({ state: "idle" }, stats.idle);
    },
  });
  new Gauge({
    name: "citynerve_db_pool_waiting_requests",
    help: "Queries waiting for a free PostgreSQL connection (the pool is exhausted while this is above 0).",
    registers: [registry],
    collect() {
      this.set(poolStats().waiting);
    },
  });
}
