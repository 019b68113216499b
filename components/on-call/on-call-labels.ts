import type { TPolicyMatchers } from "@/lib/contracts/on-call";
import { domainCatalog } from "@/lib/domains/domain-catalog";

/** "8 h", "1 day", "1 week", "45 min". */
export function describeShift(minutes: number): string {
  if (minutes % (7 * 24 * 60) === 0) return minutes === 7 * 24 * 60 ? "1 week" : `${minutes / (7 * 24 * 60)} weeks`;
  if (minutes % (24 * 60) === 0) return minutes === 24 * 60 ? "1 day" : `${minutes / (24 * 60)} days`;
  if (minutes % 60 === 0) return `${minutes / 60} h`;
  return minutes > 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
}

const BUILTIN_LABEL = domainCatalog().label;

/** "Critical · Waste · zone B2", or "Every alert" for a catch-all. */
export function describePolicyMatchers(matchers: TPolicyMatchers, domainLabel: (domain: string) => string = BUILTIN_LABEL): string {
  const parts = [
    matchers.severity && matchers.severity[0]!.toUpperCase() + matchers.severity.slice(1),
    matchers.domain && domainLabel(matchers.domain),
    matchers.zone && `zone ${matchers.zone}`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(" · ") : "Every alert";
}
