import type { TAlert } from "@/lib/contracts/alerts";
import type { TCreateSilenceRequest, TSilence, TSilenceList, TSilenceWindow } from "@/lib/contracts/silences";
import type { TDomainCatalog } from "@/lib/domains/domain-catalog";
import { ALERT_INCLUDE, toAlert } from "@/server/alerts/alert-view";
import { checkMatcherNames } from "@/server/alerts/check-matcher-names";
import { recordAudit, type TAuditActor } from "@/server/audit/record-audit";
import type { PrismaClient } from "@/server/db/generated/client";
import { inTransaction, isUuid } from "@/server/db/transaction";
import { conflict, invalid, notFound } from "@/server/errors";
import type { TPublisher } from "@/server/realtime/publisher";
import { silenceOpenAlerts } from "./silence-open-alerts";
import { toSilence } from "./silence-view";

/** Ended silences stay listed this long, so a shift sees what just stopped covering what. */
export const RECENTLY_ENDED_MS = 24 * 60 * 60_000;

type TSilenceDeps = {
  prisma: PrismaClient;
  actor: NonNullable<TAuditActor>;
  /** The owner's display name, kept on the silence as it was. */
  actorName: string;
  ip: string | null;
  publish: TPublisher;
  /** A recurring window without a time zone takes this one (CITY_TIME_ZONE). */
  defaultTimeZone: string;
  /** The city's domains, built-in and declared: a silence may name only these. */
  domains: TDomainCatalog;
  now?: () => Date;
};

const nowOf = (deps: { now?: () => Date }) => deps.now?.() ?? new Date();

/** Active and upcoming silences, and those that ended (or were cancelled) within RECENTLY_ENDED_MS. */
export async function listSilences(deps: { prisma: PrismaClient; defaultTimeZone: string; now?: () => Date }): Promise<TSilenceList> {
  const since = new Date(nowOf(deps).getTime() - RECENTLY_ENDED_MS);
  const rows = await deps.prisma.silence.findMany({
    where: { endsAt: { gt: since }, OR: [{ cancelledAt: null }, { cancelledAt: { gt: since } }] },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: 500,
  });
  return { silences: rows.map(toSilence), defaultTimeZone: deps.defaultTimeZone };
}

/**
 * Creates a silence (audited) and silences the open alerts it covers now, pushing them; alerts raised later
 * are matched as they are stored (persist-signals.ts).
 */
export async function createSilence(deps: TSilenceDeps, request: TCreateSilenceRequest): Promise<TSilence> {
  const now = nowOf(deps);
  const window: TSilenceWindow =
    request.window.kind === "once" ? request.window : { ...request.window, timeZone: request.window.timeZone ?? deps.defaultTimeZone };
  const startsAt = window.kind === "once" ? new Date(window.startsAt) : now;
  const endsAt = new Date(window.kind === "once" ? window.endsAt : window.until);
  if (endsAt <= now) throw invalid("This silence would already be over", { window: ["the end must be in the future"] });
  await checkMatcherNames(deps, request.matchers);

  const { silence, alertIds } = await inTransaction(deps.prisma, async (tx) => {
    const row = await tx.silence.create({
      data: {
        ...request.matchers,
        window,
        startsAt,
        endsAt,
        reason: request.reason,
        createdById: deps.actor.id,
        createdByName: deps.actorName,
        createdAt: now,
      },
    });
    const created = toSilence(row);
    await recordAudit(tx, {
      actor: deps.actor,
      action: "silence.created",
      entityType: "silence",
      entityId: row.id,
      ip: deps.ip,
      after: { matchers: created.matchers, window, reason: created.reason },
    });
    return { silence: created, alertIds: await silenceOpenAlerts(tx, created, deps.actor, now) };
  });
  for (const alert of await readAlerts(deps.prisma, alertIds)) deps.publish.alert(alert);
  return silence;
}

/** Ends a silence now (audited). Alerts it already silenced stay silenced; new ones ring again. */
export async function cancelSilence(deps: Omit<TSilenceDeps, "defaultTimeZone" | "publish" | "domains">, id: string): Promise<TSilence> {
  if (!isUuid(id)) throw notFound("No such silence");
  const now = nowOf(deps);
  return inTransaction(deps.prisma, async (tx) => {
    const row = await tx.silence.findUnique({ where: { id } });
    if (!row) throw notFound("No such silence");
    if (row.cancelledAt) throw conflict("This silence was already cancelled", toSilence(row));
    if (row.endsAt <= now) throw conflict("This silence has already ended", toSilence(row));
    // Guarded like an alert action: of two cancels at once, one wins and the other is told.
    const { count } = await tx.silence.updateMany({
      where: { id, cancelledAt: null },
      data: { cancelledAt: now, cancelledById: deps.actor.id, cancelledByName: deps.actorName },
    });
    const updated = await tx.silence.findUniqueOrThrow({ where: { id } });
    if (count === 0) throw conflict("This silence was already cancelled", toSilence(updated));
    await recordAudit(tx, {
      actor: deps.actor,
      action: "silence.cancelled",
      entityType: "silence",
      entityId: id,
      ip: deps.ip,
      before: { cancelledAt: null, endsAt: row.endsAt.toISOString() },
      after: { cancelledAt: now.toISOString(), reason: row.reason },
    });
    return toSilence(updated);
  });
}

async function readAlerts(prisma: PrismaClient, ids: readonly string[]): Promise<TAlert[]> {
  if (ids.length === 0) return [];
  return (await prisma.alert.findMany({ where: { id: { in: [...ids] } }, include: ALERT_INCLUDE })).map(toAlert);
}
