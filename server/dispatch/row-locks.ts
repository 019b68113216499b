import type { TTx } from "@/server/db/transaction";

/**
 * Row locks held to the end of the transaction. Dispatch and unit actions both take the incident's lock
 * before any unit's (units in id order), so two of them touching the same rows queue instead of deadlocking.
 */
export async function lockIncident(tx: TTx, incidentId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM incidents WHERE id = ${incidentId}::uuid FOR UPDATE`;
}

export async function lockUnit(tx: TTx, unitId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM units WHERE id = ${unitId} FOR UPDATE`;
}
