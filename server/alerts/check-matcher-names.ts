import { NO_ZONE } from "@/lib/contracts/zones";
import type { TDomainName } from "@/lib/contracts/layers";
import type { TDomainCatalog } from "@/lib/domains/domain-catalog";
import type { PrismaClient } from "@/server/db/generated/client";
import { invalid } from "@/server/errors";
import { DOMAIN_FIELD_ERROR, unknownDomainMessage, unknownZoneMessage, ZONE_FIELD_ERROR } from "@/lib/matcher-names";

/**
 * Refuses (400) a silence's or escalation policy's domain that is not one of this city's (built-in or declared),
 * and a zone that is no zone in use (or "No zone", where alerts outside every zone are): such a matcher would
 * never match, and whoever made it would believe it covers something.
 */
export async function checkMatcherNames(
  deps: { prisma: PrismaClient; domains: TDomainCatalog },
  matchers: { domain?: TDomainName; zone?: string },
): Promise<void> {
  if (matchers.domain !== undefined && !deps.domains.entries.some((entry) => entry.id === matchers.domain)) {
    const labels = deps.domains.entries.map((entry) => entry.label);
    throw invalid(unknownDomainMessage(matchers.domain, labels), { matchers: [DOMAIN_FIELD_ERROR] });
  }
  if (matchers.zone === undefined || matchers.zone === NO_ZONE) return;
  const zone = matchers.zone;
  const rows = await deps.prisma.zone.findMany({ where: { removedAt: null }, select: { name: true } });
  const refusal = unknownZoneMessage(
    zone,
    rows.map((row) => row.name),
  );
  if (refusal !== null) throw invalid(refusal, { matchers: [ZONE_FIELD_ERROR] });
}
