import type { TOpen311ServiceRequest } from "@/lib/contracts/open311";
import type { TCitizenServiceCatalog } from "@/lib/domains/citizen-service-catalog";
import type { PrismaClient } from "@/server/db/generated/client";
import { isUuid } from "@/server/db/transaction";
import { toServiceRequest } from "./to-service-request";

/** This app's latest reports, when it names none. */
const LATEST_REPORTS_LIMIT = 50;

const REPORT_SELECT = {
  id: true,
  serviceCode: true,
  description: true,
  address: true,
  lon: true,
  lat: true,
  mediaUrl: true,
  createdAt: true,
  alert: {
    select: {
      status: true,
      resolution: true,
      acknowledgedAt: true,
      resolvedAt: true,
      incident: { select: { id: true, status: true, updatedAt: true } },
    },
  },
} as const;

/**
 * Reports an app sent, as GeoReport service requests, in the order asked (unknown ids left out). An app reads
 * only the reports it sent: another app's ids answer as unknown, so a key cannot be used to watch a neighbour's.
 */
export async function readCitizenReports(
  prisma: PrismaClient,
  services: TCitizenServiceCatalog,
  apiKeyId: string,
  ids: readonly string[] | undefined,
): Promise<TOpen311ServiceRequest[]> {
  const wanted = ids?.map((id) => id.toLowerCase()).filter(isUuid);
  if (wanted && wanted.length === 0) return [];
  const rows = await prisma.citizenReport.findMany({
    where: { apiKeyId, ...(wanted ? { id: { in: wanted } } : {}) },
    select: REPORT_SELECT,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: wanted ? undefined : LATEST_REPORTS_LIMIT,
  });
  const closedIncidentIds = rows.flatMap((r) =>
    r.alert.incident && (r.alert.incident.status === "resolved" || r.alert.incident.status === "closed") ? [r.alert.incident.id] : [],
  );
  const reasons = await closingReasons(prisma, closedIncidentIds);
  const requests = rows.map((row) =>
    toServiceRequest({ ...row, incidentClosingReason: reasons.get(row.alert.incident?.id ?? "") ?? null }, services),
  );
  if (!wanted) return requests;
  const byId = new Map(requests.map((r) => [r.service_request_id, r]));
  return [...new Set(wanted)].flatMap((id) => byId.get(id) ?? []);
}

/** The reason given on each incident's latest move to resolved or closed (the timeline keeps it). */
async function closingReasons(prisma: PrismaClient, incidentIds: string[]): Promise<Map<string, string>> {
  if (incidentIds.length === 0) return new Map();
  const events = await prisma.incidentEvent.findMany({
    where: { incidentId: { in: incidentIds }, kind: "statusChanged" },
    orderBy: { id: "asc" },
    select: { incidentId: true, data: true },
  });
  const reasons = new Map<string, string>();
  for (const event of events) {
    const data = event.data as { to?: string; reason?: string };
    if ((data.to === "resolved" || data.to === "closed") && data.reason) reasons.set(event.incidentId, data.reason);
  }
  return reasons;
}
