import type { BetterAuthOptions } from "better-auth";

type TRateLimitStorage = NonNullable<NonNullable<BetterAuthOptions["rateLimit"]>["customStorage"]>;

/**
 * In-memory fixed-window counters owned by one auth instance. better-auth's built-in memory store is a
 * module-wide map shared by every instance in the process, so two servers (or tests) would throttle
 * each other.
 */
export function createMemoryRateLimitStorage(): TRateLimitStorage {
  const windows = new Map<string, { startedAt: number; count: number }>();
  return {
    async consume(key, rule) {
      const now = Date.now();
      const windowMs = rule.window * 1000;
      if (windows.size > 10_000) for (const [k, w] of windows) if (now - w.startedAt >= windowMs) windows.delete(k);
      const current = windows.get(key);
      if (!current || now - current.startedAt >= windowMs) {
        windows.set(key, { startedAt: now, count: 1 });
        return { allowed: true, retryAfter: null };
      }
      if (current.count >= rule.max) {
        return { allowed: false, retryAfter: Math.max(1, Math.ceil((current.startedAt + windowMs - now) / 1000)) };
      }
      current.count++;
      return { allowed: true, retryAfter: null };
    },
  };
}
