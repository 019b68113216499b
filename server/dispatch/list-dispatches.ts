import type { TDispatch } from "@/lib/contracts/units";
import type { PrismaClient } from "@/server/db/generated/client";
import { findIncident } from "@/server/incidents/find-incident";
import { DISPATCH_INCLUDE, toDispatch } from "./dispatch-view";

/** Every unit sent to the incident (active, cleared, cancelled), in the order they were sent. 404 for an unknown incident. */
export async function listDispatches(prisma: PrismaClient, incidentId: string): Promise<TDispatch[]> {
  await findIncident(prisma, incidentId);
  const rows = await prisma.dispatch.findMany({
    where: { incidentId },
    include: DISPATCH_INCLUDE,
    orderBy: [{ dispatchedAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toDispatch);
}
