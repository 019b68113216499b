import type { TRecommendation } from "@/lib/contracts/units";
import type { PrismaClient } from "@/server/db/generated/client";
import { findIncident } from "@/server/incidents/find-incident";
import { listUnits } from "./list-units";
import { recommendUnits } from "./recommend-units";
import type { TRoutePlanner, TUnitPositions } from "./types";

/** The run card's units for an incident, from the units' current positions at live speeds. */
export async function getRecommendation(
  deps: { prisma: PrismaClient; planner: TRoutePlanner; positions: TUnitPositions },
  incidentId: string,
): Promise<TRecommendation> {
  const incident = await findIncident(deps.prisma, incidentId);
  const units = await listUnits(deps.prisma);
  return recommendUnits({ incident, units, positions: deps.positions, planner: deps.planner });
}
