import type { TCitizenReport } from "@/lib/contracts/citizen-reports";
import type { TCitizenServiceCatalog } from "@/lib/domains/citizen-service-catalog";
import { findAlertRow } from "@/server/alerts/change-alert";
import type { PrismaClient } from "@/server/db/generated/client";

/** A duplicate-heavy problem does not need every report on screen; the count says how many there are. */
const ALERT_REPORTS_LIMIT = 100;

/** The reports an alert was raised by and joined by, oldest first (404 for an unknown alert). */
export async function listAlertReports(prisma: PrismaClient, services: TCitizenServiceCatalog, alertId: string): Promise<TCitizenReport[]> {
  await findAlertRow(prisma, alertId);
  const rows = await prisma.citizenReport.findMany({
    where: { alertId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: ALERT_REPORTS_LIMIT,
    include: { apiKey: { select: { name: true } } },
  });
  return rows.map((row) => {
    const name = [row.firstName, row.lastName].filter(Boolean).join(" ") || null;
    const hasContact = name !== null || row.email !== null || row.phone !== null;
    return {
      id: row.id,
      serviceName: services.find(row.serviceCode)?.name ?? row.serviceCode,
      description: row.description,
      address: row.address,
      reportedAt: row.createdAt.toISOString(),
      mediaUrl: row.mediaUrl,
      appName: row.apiKey.name,
      contact: hasContact ? { name, email: row.email, phone: row.phone } : null,
    };
  });
}
