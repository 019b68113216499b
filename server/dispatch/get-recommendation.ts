import { runCardFor } from "./run-cards";
import type { TRecommendation, TRunCard } from "@/lib/contracts/units";
import type { TIncident } from "@/lib/contracts/incidents";
import type { TDomainRegistry } from "@/server/domains/domain-registry";
import type { PrismaClient } from "@/server/db/generated/client";
import { findIncident } from "@/server/incidents/find-incident";
import { listUnits } from "./list-units";
import { recommendUnits } from "./recommend-units";
import { responseAreasOf } from "./response-areas";
import type { TRoutePlanner, TUnitPositions } from "./types";

/**
 * The run card's units for an incident, from the units' current positions at live speeds; with `areas` (the
 * zones in use and the pack's stations), units at home in the incident's fire area or police beat first.
 */
export async function getRecommendation(
  deps: {
    prisma: PrismaClient;
    planner: TRoutePlanner;
    positions: TUnitPositions;
    domains?: Pick<TDomainRegistry, "runCardOf">;
    areas?: Parameters<typeof responseAreasOf>[0];
  },
  incidentId: string,
): Promise<TRecommendation> {
  const incident = await findIncident(deps.prisma, incidentId);
  const units = await listUnits(deps.prisma);
  const runCard = deps.domains && (await declaredRunCard(deps.prisma, deps.domains, incident));
  const responseAreas = deps.areas && responseAreasOf(deps.areas, incident.location);
  return recommendUnits({ incident, units, positions: deps.positions, planner: deps.planner, runCard, responseAreas });
}

/**
 * The run card of the first linked alert whose declared rule names one, while the incident keeps the type that
 * card gives (an operator who chose another type chose that type's units too).
 */
async function declaredRunCard(
  prisma: PrismaClient,
  domains: Pick<TDomainRegistry, "runCardOf">,
  incident: Pick<TIncident, "type" | "alertIds">,
): Promise<TRunCard | undefined> {
  if (incident.alertIds.length === 0) return undefined;
  const alerts = await prisma.alert.findMany({
    where: { id: { in: incident.alertIds } },
    select: { ruleId: true },
    orderBy: { firstSeenAt: "asc" },
  });
  const card = alerts.map((a) => domains.runCardOf(a.ruleId)).find((c) => c !== undefined && c.incidentType === incident.type);
  return card && { ...runCardFor(card.incidentType), units: { ...card.units } };
}
