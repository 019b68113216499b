import type { TPolicyMatchers } from "@/lib/contracts/on-call";

/** The alert fields a policy is matched on (zone: the alert's zone name). */
export type TMatchableAlert = { severity: string; domain: string; zone: string };
export type TMatchablePolicy = { id: string; createdAt: Date; matchers: TPolicyMatchers };

const MATCHER_FIELDS = ["severity", "domain", "zone"] as const;

/**
 * The policy an alert follows: of those whose every given field equals the alert's, the one naming the most
 * fields (severity + domain + zone beats any two, any two beat one, one beats a catch-all). Equally specific
 * policies: the oldest, so adding a policy never takes alerts from one that already covered them. Null: none.
 */
export function matchPolicy<P extends TMatchablePolicy>(policies: readonly P[], alert: TMatchableAlert): P | null {
  let best: P | null = null;
  let bestScore = -1;
  for (const policy of policies) {
    const named = MATCHER_FIELDS.filter((field) => policy.matchers[field] !== undefined);
    if (!named.every((field) => policy.matchers[field] === alert[field])) continue;
    const isBetter =
      named.length > bestScore ||
      (named.length === bestScore &&
        best !== null &&
        (policy.createdAt < best.createdAt || (+policy.createdAt === +best.createdAt && policy.id < best.id)));
    if (isBetter) {
      best = policy;
      bestScore = named.length;
    }
  }
  return best;
}
