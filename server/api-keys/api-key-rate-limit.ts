import { createMemoryRateLimitStorage } from "@/server/auth/rate-limit-storage";

export const DEFAULT_API_KEY_MAX_REQUESTS_PER_MINUTE = 600;
/** A citizen app relays many people's reports, but a few hundred an hour from one app is a flood, not a city. */
export const DEFAULT_OPEN311_MAX_REPORTS_PER_MINUTE = 30;

export type TApiKeyRateLimit = {
  /** Counts one request of the key; `retryAfterSeconds` when it is over its budget for this minute. */
  consume(keyId: string): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }>;
};

/**
 * Per key, per minute, in this process (the sign-in limiter's fixed windows): with several instances behind
 * a balancer a key gets up to that many times the budget, which is fine for fairness between partner apps.
 */
export function createApiKeyRateLimit(maxPerMinute: number): TApiKeyRateLimit {
  const storage = createMemoryRateLimitStorage();
  return {
    async consume(keyId) {
      const { allowed, retryAfter } = await storage.consume(`api-key:${keyId}`, { window: 60, max: maxPerMinute });
      return allowed ? { allowed: true } : { allowed: false, retryAfterSeconds: retryAfter ?? 60 };
    },
  };
}
