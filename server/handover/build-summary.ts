import type { THandoverSummary } from "@/lib/contracts/history";
import type { PrismaClient } from "@/server/db/generated/client";
import { shiftWindow } from "./shift-window";

/** Each list in a summary stops here; the note says how many more there were. */
const SUMMARY_LIST_LIMIT = 100;

const CLOSED_STATUSES = ["resolved", "closed"];

export type THandoverSummaryBuild = {
  summary: THandoverSummary;
  /** Items beyond SUMMARY_LIST_LIMIT, per list (0 when everything fits). */
  more: { openIncidents: number; unacknowledgedAlerts: number; unitsOutOfService: number };
};

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/**
 * The state of the city an outgoing operator hands over: what is still open (incidents not resolved or
 * closed, alerts nobody acknowledged, units out of service) and what changed during their shift.
 */
export async function buildHandoverSummary(
  prisma: PrismaClient,
  { authorId, now }: { authorId: string; now: Date },
): Promise<THandoverSummaryBuild> {
  const shift = await shiftWindow(prisma, authorId, now);
  const during = { gte: shift.from, lte: shift.to };
  const openIncidentWhere = { status: { notIn: CLOSED_STATUSES } };
  const openAlertWhere = { status: "open" };
  const outOfServiceWhere = { status: "outOfService" };

  const [incidents, incidentTotal, alerts, alertTotal, units, unitTotal, incidentsCreated, incidentsResolved, alertsRaised, dispatches] =
    await Promise.all([
      prisma.incident.findMany({
        where: openIncidentWhere,
        select: { id: true, number: true, priority: true, status: true, description: true, address: true },
        orderBy: [{ priority: "asc" }, { createdAt: "desc" }, { id: "asc" }],
        take: SUMMARY_LIST_LIMIT,
      }),
      prisma.incident.count({ where: openIncidentWhere }),
      prisma.alert.findMany({
        where: openAlertWhere,
        select: { id: true, severity: true, ruleName: true, message: true, zone: true },
        orderBy: [{ severity: "asc" }, { firstSeenAt: "desc" }, { id: "asc" }],
        take: SUMMARY_LIST_LIMIT,
      }),
      prisma.alert.count({ where: openAlertWhere }),
      prisma.unit.findMany({
        where: outOfServiceWhere,
        select: { id: true, callSign: true, outOfServiceReason: true },
        orderBy: [{ callSign: "asc" }],
        take: SUMMARY_LIST_LIMIT,
      }),
      prisma.unit.count({ where: outOfServiceWhere }),
      prisma.incident.count({ where: { createdAt: during } }),
      prisma.incident.count({ where: { resolvedAt: during } }),
      prisma.alert.count({ where: { firstSeenAt: during } }),
      prisma.dispatch.count({ where: { dispatchedAt: during } }),
    ]);

  return {
    summary: {
      shiftFrom: shift.from.toISOString(),
      shiftTo: shift.to.toISOString(),
      openIncidents: incidents.map((i) => ({
        id: i.id,
        label: `${i.number} · ${clip(i.description, 80)}${i.address ? ` (${i.address})` : ""}`,
        priority: i.priority,
        status: i.status as THandoverSummary["openIncidents"][number]["status"],
      })),
      unacknowledgedAlerts: alerts.map((a) => ({
        id: a.id,
        label: `${a.ruleName}: ${clip(a.message, 100)} — ${a.zone}`,
        severity: a.severity,
      })),
      unitsOutOfService: units.map((u) => ({ id: u.id, label: u.callSign, reason: u.outOfServiceReason })),
      changes: { incidentsCreated, incidentsResolved, alertsRaised, dispatches },
    },
    more: {
      openIncidents: incidentTotal - incidents.length,
      unacknowledgedAlerts: alertTotal - alerts.length,
      unitsOutOfService: unitTotal - units.length,
    },
  };
}
