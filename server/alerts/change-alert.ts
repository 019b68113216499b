import type { TAlert } from "@/lib/contracts/alerts";
import type { Prisma } from "@/server/db/generated/client";
import { conflict, notFound } from "@/server/errors";
import { ALERT_INCLUDE, toAlert, type TAlertRow } from "./alert-view";
import { isUuid, type TTx } from "@/server/db/transaction";

export async function findAlertRow(db: TTx, alertId: string): Promise<TAlertRow> {
  const row = isUuid(alertId) ? await db.alert.findUnique({ where: { id: alertId }, include: ALERT_INCLUDE }) : null;
  if (!row) throw notFound("No such alert");
  return row;
}

/**
 * The optimistic-concurrency step every alert action shares, inside the caller's transaction:
 * the client's version must be current, the action must be allowed in the alert's status, and the
 * UPDATE itself is guarded by `version = expected`, so of any number of concurrent attempts exactly
 * one matches a row. The others get 409 with the state that won.
 */
export async function changeAlert(
  tx: TTx,
  alertId: string,
  expectedVersion: number,
  refuse: (before: TAlert) => string | null,
  data: (before: TAlert) => Prisma.AlertUncheckedUpdateManyInput,
): Promise<{ before: TAlert; after: TAlert }> {
  const before = toAlert(await findAlertRow(tx, alertId));
  if (before.version !== expectedVersion) throw conflict("This alert was changed by someone else; reload it and try again", before);
  const reason = refuse(before);
  if (reason) throw conflict(reason, before);
  const { count } = await tx.alert.updateMany({
    where: { id: alertId, version: expectedVersion },
    data: { ...data(before), version: { increment: 1 } },
  });
  if (count === 0) {
    throw conflict("This alert was changed by someone else; reload it and try again", toAlert(await findAlertRow(tx, alertId)));
  }
  return { before, after: toAlert(await findAlertRow(tx, alertId)) };
}
