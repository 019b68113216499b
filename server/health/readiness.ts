import { z } from "zod";
import type { TDatabasePing } from "@/server/db/ping-database";

const ZReadinessCheck = z.object({ ok: z.boolean(), detail: z.string().optional() });
export type TReadinessCheck = z.infer<typeof ZReadinessCheck>;

/** GET /api/health/ready: 200 when every check holds, 503 otherwise. Public, so details stay generic. */
export const ZReadiness = z.object({ ready: z.boolean(), checks: z.record(z.string(), ZReadinessCheck) });
export type TReadiness = z.infer<typeof ZReadiness>;

export type TReadinessProbe = () => Promise<TReadiness>;

export type TReadinessDeps = {
  database: TDatabasePing;
  /** The event source: consumer running and caught up (decided by the source; absent → not checked). */
  isSourceReady?: () => boolean | TReadinessCheck;
  /** The MQTT bridge to Kafka, where this instance bridges (absent → not checked). */
  isMqttBridgeReady?: () => TReadinessCheck;
};

/**
 * Whether this instance should get traffic: the database answers (a ping at most a second old, so a
 * load balancer polling every instance cannot flood it) and the source says it is running and caught up.
 */
export function createReadiness(deps: TReadinessDeps): TReadinessProbe {
  return async () => {
    const checks: Record<string, TReadinessCheck> = { database: await databaseCheck(deps.database) };
    if (deps.isSourceReady) checks.source = sourceCheck(deps.isSourceReady);
    if (deps.isMqttBridgeReady) checks.mqttBridge = sourceCheck(deps.isMqttBridgeReady);
    return { ready: Object.values(checks).every((c) => c.ok), checks };
  };
}

async function databaseCheck(ping: TDatabasePing): Promise<TReadinessCheck> {
  const state = await ping.check();
  return state.ok ? { ok: true } : { ok: false, detail: `${state.detail ?? "unreachable"} since ${state.since.toISOString()}` };
}

function sourceCheck(isSourceReady: NonNullable<TReadinessDeps["isSourceReady"]>): TReadinessCheck {
  try {
    const result = isSourceReady();
    return typeof result === "boolean" ? { ok: result } : result;
  } catch {
    return { ok: false, detail: "status unavailable" };
  }
}
