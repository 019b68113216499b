import type { TAlertEscalation, TEscalationEvent } from "@/lib/contracts/on-call";
import type { PrismaClient } from "@/server/db/generated/client";
import { isUuid } from "@/server/db/transaction";
import { notFound } from "@/server/errors";

const REASON_TEXT: Record<string, string> = {
  acknowledged: "acknowledged",
  resolved: "resolved",
  silenced: "silenced",
  exhausted: "nobody acknowledged after the last step",
};

/** GET /api/alerts/[id]/escalation: the alert's chain as its audit trail tells it, oldest first. */
export async function listAlertEscalation(prisma: PrismaClient, alertId: string): Promise<TAlertEscalation> {
  if (!isUuid(alertId) || !(await prisma.alert.findUnique({ where: { id: alertId }, select: { id: true } }))) {
    throw notFound("No such alert");
  }
  const rows = await prisma.auditLog.findMany({
    where: { entityType: "alert", entityId: alertId, action: { in: ["alert.escalation_step", "alert.escalation_ended"] } },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    take: 200,
  });
  const events = rows.map((row): TEscalationEvent => {
    const after = (row.after ?? {}) as Record<string, unknown>;
    const at = row.at.toISOString();
    if (row.action === "alert.escalation_ended") {
      const reason = REASON_TEXT[String(after.reason)] ?? String(after.reason);
      return { kind: "ended", at, policy: String(after.policy), reason: after.by ? `${reason} by ${String(after.by)}` : reason };
    }
    return {
      kind: "step",
      at,
      policy: String(after.policy),
      step: Number(after.step),
      of: Number(after.of),
      target: String(after.target),
      notified: Array.isArray(after.notified) ? after.notified.map(String) : [],
      nextAt: typeof after.nextAt === "string" ? after.nextAt : null,
    };
  });
  return { events };
}
