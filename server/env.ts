import { z } from "zod";

/**
 * The one place that reads process.env. Parsed at start so a bad setting fails
 * loudly with the variable's name instead of misbehaving later.
 * Unset DATABASE_URL → embedded PGlite; unset KAFKA_BROKERS → built-in simulator.
 */
const ZCsv = z
  .string()
  .transform((s) => s.split(",").map((p) => p.trim()).filter(Boolean));

const ZServerEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOSTNAME: z.string().default("0.0.0.0"),
  /** postgres://… → real PostgreSQL; unset → embedded PGlite in DATA_DIR/pg */
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default(".data"),
  /** host:port,host:port → consume from Kafka; unset → embedded simulator */
  KAFKA_BROKERS: ZCsv.optional(),
  KAFKA_CLIENT_ID: z.string().default("citynerve"),
  KAFKA_GROUP_ID: z.string().default("citynerve-city-state"),
  /** Folder under public/city/ */
  CITY_PACK: z.string().regex(/^[a-z0-9-]+$/).default("three-rivers"),
  SIM_SEED: z.coerce.number().int().default(42),
  /** Events per second the embedded simulator produces. */
  SIM_RATE: z.coerce.number().positive().max(1_000_000).default(500),
  /** Share of simulated messages sent malformed, so the dead-letter path is visible in the demo. */
  SIM_MALFORMED_RATIO: z.coerce.number().min(0).max(1).default(0.002),
  /** How often coalesced deltas are pushed to browsers. */
  DELTA_FLUSH_MS: z.coerce.number().int().min(10).max(10_000).default(100),
});

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
