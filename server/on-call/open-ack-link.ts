import type { TAckLinkOutcome } from "@/lib/contracts/on-call";
import { acknowledgeAlert } from "@/server/alerts/acknowledge-alert";
import { AppError, forbidden, notFound } from "@/server/errors";
import { nowOf, type TActionDeps } from "@/server/http/action-deps";
import { hashAckToken, type TAckLinkAlert } from "./issue-ack-link";

type TResult = TAckLinkOutcome["alerts"][number];

/**
 * Opens a one-tap acknowledge link as the signed-in user: only the user it was sent to, once, before it expires.
 * Each alert it names is acknowledged like the drawer's button does (audited as this user, version-checked against
 * the version the message described, which also stops its escalation chain); one that changed since, or that
 * someone else took, is reported as it is. The link is spent even when nothing was left to acknowledge.
 */
export async function openAckLink(deps: TActionDeps, token: string): Promise<TAckLinkOutcome> {
  const now = nowOf(deps);
  const link = await deps.prisma.ackLink.findUnique({ where: { tokenHash: hashAckToken(token) } });
  if (!link) throw notFound("This acknowledge link is not valid. Open the alert in the control room instead.");
  // Not spent by the wrong person: the right one can still use it.
  if (link.userId !== deps.actor.id) throw forbidden("This link was sent to someone else. Open the alert in the control room instead.");
  const named = link.alerts as TAckLinkAlert[];
  if (link.usedAt) return { outcome: "used", alerts: await describe(deps, named) };
  if (link.expiresAt <= now) return { outcome: "expired", alerts: await describe(deps, named) };
  const { count } = await deps.prisma.ackLink.updateMany({ where: { id: link.id, usedAt: null }, data: { usedAt: now } });
  if (count === 0) return { outcome: "used", alerts: await describe(deps, named) };

  const results: TResult[] = [];
  for (const { id, version } of named) {
    try {
      const alert = await acknowledgeAlert(deps, id, { version });
      results.push({ id, title: titleOf(alert), result: "acknowledged", by: null });
    } catch (error) {
      if (!(error instanceof AppError) || (error.code !== "CONFLICT" && error.code !== "NOT_FOUND")) throw error;
      const [current] = await describe(deps, [{ id, version }]);
      if (current) results.push(current.result === "open" ? { ...current, result: "changed" } : current);
    }
  }
  return { outcome: results.some((r) => r.result === "acknowledged") ? "acknowledged" : "nothing", alerts: results };
}

const titleOf = (alert: { ruleName: string; zone: string }) => `${alert.ruleName} · ${alert.zone}`;

/** Where the alerts stand now (alerts deleted since are left out). */
async function describe(deps: TActionDeps, named: readonly TAckLinkAlert[]): Promise<TResult[]> {
  const rows = await deps.prisma.alert.findMany({
    where: { id: { in: named.map((a) => a.id) } },
    select: { id: true, ruleName: true, zone: true, status: true, acknowledgedBy: { select: { name: true } } },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return named.flatMap(({ id }) => {
    const row = byId.get(id);
    if (!row) return [];
    const result: TResult["result"] =
      row.status === "acknowledged" ? "already_acknowledged" : row.status === "resolved" ? "resolved" : "open";
    return [{ id, title: titleOf(row), result, by: row.acknowledgedBy?.name ?? null }];
  });
}
