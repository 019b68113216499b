import { INCIDENT_STATUSES, type TIncident, type TIncidentListQuery } from "@/lib/contracts/incidents";
import type { PrismaClient } from "@/server/db/generated/client";
import { invalid } from "@/server/errors";
import { INCIDENT_INCLUDE, toIncident } from "./incident-view";

const DEFAULT_STATUSES = INCIDENT_STATUSES.filter((s) => s !== "closed");
const MAX_INCIDENTS = 500;

/** Incidents, highest priority then newest first; by default everything not closed. */
export async function listIncidents(prisma: PrismaClient, query: TIncidentListQuery): Promise<TIncident[]> {
  const statuses = parseStatuses(query.status);
  const rows = await prisma.incident.findMany({
    where: { status: { in: statuses } },
    include: INCIDENT_INCLUDE,
    orderBy: [{ priority: "asc" }, { createdAt: "desc" }, { id: "asc" }],
    take: MAX_INCIDENTS,
  });
  return rows.map(toIncident);
}

function parseStatuses(raw: string | undefined): string[] {
  if (!raw) return DEFAULT_STATUSES;
  const statuses = raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = statuses.filter((s) => !(INCIDENT_STATUSES as readonly string[]).includes(s));
  if (unknown.length > 0 || statuses.length === 0) {
    throw invalid("Invalid request query", {
      status: [`unknown status: ${unknown.join(", ") || "(empty)"}; use ${INCIDENT_STATUSES.join(", ")}`],
    });
  }
  return statuses;
}
