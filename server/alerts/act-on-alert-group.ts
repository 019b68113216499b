import { ZAlert, type TAlert, type TAlertGroupActionRequest, type TAlertGroupActionResponse } from "@/lib/contracts/alerts";
import { AppError } from "@/server/errors";
import type { TActionDeps } from "@/server/http/action-deps";
import { isUuid } from "@/server/db/transaction";
import { acknowledgeAlert } from "./acknowledge-alert";
import { resolveAlert } from "./resolve-alert";

/**
 * Acknowledges or resolves every listed alert of a correlation group. Each alert goes through the same
 * versioned, audited, published action as on its own (so a crew's backup alert is still answered); one that
 * changed since the operator saw it, or is no longer in the group, is reported with its current state and
 * the others still apply (why not all-or-nothing: lib/contracts/alerts.ts ZAlertGroupActionRequest).
 * Sequential on purpose: a group of hundreds must not take every database connection at once.
 */
export async function actOnAlertGroup(deps: TActionDeps, request: TAlertGroupActionRequest): Promise<TAlertGroupActionResponse> {
  const ids = request.alerts.map((a) => a.id).filter(isUuid);
  const rows = await deps.prisma.alert.findMany({ where: { id: { in: ids } }, select: { id: true, correlationGroup: true } });
  const groupOf = new Map(rows.map((r) => [r.id, r.correlationGroup]));
  const applied: TAlert[] = [];
  const conflicts: TAlertGroupActionResponse["conflicts"] = [];
  for (const { id, version } of request.alerts) {
    if (!groupOf.has(id)) {
      conflicts.push({ alertId: id, error: "No such alert", current: null });
      continue;
    }
    try {
      if (groupOf.get(id) !== request.groupId) throw new AppError("CONFLICT", "The alert is no longer in this group");
      applied.push(
        request.action === "acknowledge"
          ? await acknowledgeAlert(deps, id, { version })
          : await resolveAlert(deps, id, { version, reason: request.reason }),
      );
    } catch (error) {
      if (!(error instanceof AppError) || (error.code !== "CONFLICT" && error.code !== "NOT_FOUND")) throw error;
      const current = ZAlert.safeParse(error.current);
      conflicts.push({ alertId: id, error: error.message, current: current.success ? current.data : null });
    }
  }
  return { applied, conflicts };
}
