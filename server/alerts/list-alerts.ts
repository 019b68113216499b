import { ALERT_STATUSES, type TAlert, type TAlertListQuery } from "@/lib/contracts/alerts";
import type { PrismaClient } from "@/server/db/generated/client";
import { invalid } from "@/server/errors";
import { ALERT_INCLUDE, toAlert } from "./alert-view";

const QUEUE_STATUSES = ["open", "acknowledged"];
/** An alarm storm's thousands and then some: a reload or a reconnect in the middle of one lists every alert of it. */
const MAX_ALERTS = 10_000;

/** The alert queue: open + acknowledged by default, most severe first, then newest (last seen) first. */
export async function listAlerts(prisma: PrismaClient, query: TAlertListQuery): Promise<TAlert[]> {
  const rows = await prisma.alert.findMany({
    where: {
      status: { in: parseStatuses(query.status) },
      ...(query.domain ? { domain: query.domain } : {}),
      ...(query.severity ? { severity: query.severity } : {}),
      ...(query.zone ? { zone: query.zone } : {}),
    },
    include: ALERT_INCLUDE,
    // severity is an enum declared most severe first (see the schema).
    orderBy: [{ severity: "asc" }, { lastSeenAt: "desc" }, { id: "asc" }],
    take: MAX_ALERTS,
  });
  return rows.map(toAlert);
}

function parseStatuses(raw: string | undefined): string[] {
  if (!raw) return QUEUE_STATUSES;
  const statuses = raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = statuses.filter((s) => !(ALERT_STATUSES as readonly string[]).includes(s));
  if (unknown.length > 0 || statuses.length === 0) {
    throw invalid("Invalid request query", {
      status: [`unknown status: ${unknown.join(", ") || "(empty)"}; use ${ALERT_STATUSES.join(", ")}`],
    });
  }
  return statuses;
}
