import { randomBytes, randomUUID } from "node:crypto";
import type { TContactPoint, TCreateContactPointRequest, TCreatedContactPoint, TTestDeliveryResult } from "@/lib/contracts/notifications";
import { recordAudit, type TAuditActor } from "@/server/audit/record-audit";
import type { ContactPoint, PrismaClient } from "@/server/db/generated/client";
import { inTransaction, isUuid } from "@/server/db/transaction";
import { invalid, notFound } from "@/server/errors";
import { testMessage } from "./alert-message";
import { reasonOf } from "./channel-error";
import type { TNotificationChannels } from "./channels";

/** Who changes their own contact points, and how messages go out (for the problem line and test sends). */
export type TContactPointDeps = {
  prisma: PrismaClient;
  actor: NonNullable<TAuditActor>;
  ip: string | null;
  channels: TNotificationChannels;
  publicUrl: string;
};

const WITH_LAST_DELIVERY = { deliveries: { orderBy: { createdAt: "desc" }, take: 1 } } as const;

export async function listContactPoints(deps: Pick<TContactPointDeps, "prisma" | "actor" | "channels">): Promise<TContactPoint[]> {
  const points = await deps.prisma.contactPoint.findMany({
    where: { userId: deps.actor.id },
    include: WITH_LAST_DELIVERY,
    orderBy: { createdAt: "asc" },
  });
  return points.map((p) => toContactPoint(p, deps.channels));
}

/** Adds one (audited). A webhook gets a signing secret, answered this once and never shown again. */
export async function addContactPoint(deps: TContactPointDeps, request: TCreateContactPointRequest): Promise<TCreatedContactPoint> {
  if (request.kind === "webhook") {
    const refused = await deps.channels.whyWebhookRefused(request.target);
    if (refused) throw invalid(`This webhook cannot be added: ${refused}`, { target: [refused] });
  }
  const secret = request.kind === "webhook" ? `whsec_${randomBytes(24).toString("base64url")}` : null;
  const target = request.kind === "push" ? JSON.stringify(request.subscription) : request.target;
  return inTransaction(deps.prisma, async (tx) => {
    const point = await tx.contactPoint.create({
      data: { userId: deps.actor.id, kind: request.kind, label: request.label, target, secret, minSeverity: request.minSeverity },
      include: WITH_LAST_DELIVERY,
    });
    await recordAudit(tx, {
      actor: deps.actor,
      action: "contact_point.created",
      entityType: "contact_point",
      entityId: point.id,
      ip: deps.ip,
      after: { kind: point.kind, label: point.label, minSeverity: point.minSeverity },
    });
    return { contactPoint: toContactPoint(point, deps.channels), secret };
  });
}

/** Removes one of the caller's own (audited), with its delivery log; someone else's is "not found". */
export async function removeContactPoint(deps: TContactPointDeps, id: string): Promise<TContactPoint> {
  return inTransaction(deps.prisma, async (tx) => {
    const point = await findOwn(tx as PrismaClient, deps.actor.id, id);
    await tx.contactPoint.delete({ where: { id } });
    await recordAudit(tx, {
      actor: deps.actor,
      action: "contact_point.removed",
      entityType: "contact_point",
      entityId: id,
      ip: deps.ip,
      before: { kind: point.kind, label: point.label, minSeverity: point.minSeverity },
    });
    return toContactPoint(point, deps.channels);
  });
}

/** Sends a test message now, once, outside the queue: the answer says whether it went out and why not. */
export async function testContactPoint(deps: TContactPointDeps, id: string): Promise<TTestDeliveryResult> {
  const point = await findOwn(deps.prisma, deps.actor.id, id);
  try {
    await deps.channels.deliver(point, { ...testMessage(deps.publicUrl, point.label), deliveryId: `test-${randomUUID()}`, type: "test" });
    return { ok: true, error: null };
  } catch (error) {
    return { ok: false, error: reasonOf(error) };
  }
}

async function findOwn(prisma: PrismaClient, userId: string, id: string) {
  const point = isUuid(id) ? await prisma.contactPoint.findFirst({ where: { id, userId }, include: WITH_LAST_DELIVERY }) : null;
  if (!point) throw notFound("No such contact point");
  return point;
}

type TPointWithLast = ContactPoint & { deliveries: { status: string; createdAt: Date; sentAt: Date | null; lastError: string | null }[] };

function toContactPoint(point: TPointWithLast, channels: TNotificationChannels): TContactPoint {
  const kind = point.kind as TContactPoint["kind"];
  const last = point.deliveries[0];
  return {
    id: point.id,
    kind,
    label: point.label,
    // A push subscription's endpoint is a bearer capability: only its service's host is shown.
    target: kind === "push" ? pushServiceOf(point.target) : point.target,
    minSeverity: point.minSeverity,
    enabled: point.enabled,
    createdAt: point.createdAt.toISOString(),
    lastDelivery: last
      ? { status: last.status as "pending" | "sent" | "failed", at: (last.sentAt ?? last.createdAt).toISOString(), error: last.lastError }
      : null,
    problem: channels.problemOf(kind),
  };
}

function pushServiceOf(subscriptionJson: string): string {
  try {
    return new URL((JSON.parse(subscriptionJson) as { endpoint: string }).endpoint).host;
  } catch {
    return "push service";
  }
}
