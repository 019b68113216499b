import { CONTACT_POINT_KINDS, type TContactPointKind, type TNotificationHealth } from "@/lib/contracts/notifications";
import { type PrismaClient, Prisma } from "@/server/db/generated/client";
import { alertMessage } from "./alert-message";
import type { TEntityNames } from "./entity-name";

const WINDOW_MS = 24 * 3_600_000;
const RECENT_FAILURES = 20;

/** For admins: per kind, what was sent, failed and still waits among the last 24 hours' deliveries; the newest failures. */
export async function notificationHealth(deps: {
  prisma: PrismaClient;
  names: TEntityNames;
  publicUrl: string;
  emailConfigured: boolean;
  now?: Date;
}): Promise<TNotificationHealth> {
  const since = new Date((deps.now ?? new Date()).getTime() - WINDOW_MS);
  const counts = await deps.prisma.$queryRaw<{ kind: string; status: string; n: number }[]>(Prisma.sql`
    SELECT cp.kind, d.status, count(*)::int AS n
    FROM notification_deliveries d JOIN contact_points cp ON cp.id = d.contact_point_id
    WHERE d.created_at >= ${since}
    GROUP BY cp.kind, d.status`);
  const countOf = (kind: TContactPointKind, status: string) => counts.find((c) => c.kind === kind && c.status === status)?.n ?? 0;
  const failures = await deps.prisma.notificationDelivery.findMany({
    where: { status: "failed", createdAt: { gte: since } },
    include: { alert: true, contactPoint: { include: { user: { select: { name: true } } } } },
    orderBy: { nextAttemptAt: "desc" },
    take: RECENT_FAILURES,
  });
  return {
    since: since.toISOString(),
    kinds: CONTACT_POINT_KINDS.map((kind) => ({
      kind,
      sent: countOf(kind, "sent"),
      failed: countOf(kind, "failed"),
      pending: countOf(kind, "pending"),
    })),
    recentFailures: failures.map((f) => ({
      id: f.id,
      at: f.nextAttemptAt.toISOString(),
      kind: f.contactPoint.kind as TContactPointKind,
      contactPointLabel: f.contactPoint.label,
      userName: f.contactPoint.user.name,
      alertTitle: alertMessage(f.alert, deps).title,
      error: f.lastError ?? "unknown",
      attempts: f.attempts,
    })),
    emailConfigured: deps.emailConfigured,
  };
}
