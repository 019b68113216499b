import type { TIncident } from "@/lib/contracts/incidents";
import type { TTx } from "@/server/db/transaction";

/** Units this close to an incident hear that a crew there asked for backup (besides the units already on it). */
export const BACKUP_NEARBY_M = 5_000;

/** Where a crew member's notification opens: their own page, the only one they may see. */
export const CREW_NOTICE_LINK = "/field";

type TNotice = { kind: "assignment" | "backup"; subjectId: string; title: string; body: string };

/**
 * Queues one push per push contact point of the units' field crews, in the caller's transaction: the notice
 * commits with the dispatch (or the backup alert) it tells of, and the notifier sends it after the commit.
 * A second call for the same subject adds nothing (unique per kind, subject and contact point).
 */
async function queueForUnits(tx: TTx, unitIds: readonly string[], notice: TNotice, now: Date): Promise<number> {
  if (unitIds.length === 0) return 0;
  const points = await tx.contactPoint.findMany({
    where: {
      kind: "push",
      enabled: true,
      user: { role: "field", unitId: { in: [...unitIds] }, OR: [{ banned: false }, { banned: null }] },
    },
    select: { id: true },
  });
  if (points.length === 0) return 0;
  const { count } = await tx.crewNotice.createMany({
    data: points.map((p) => ({ ...notice, contactPointId: p.id, link: CREW_NOTICE_LINK, nextAttemptAt: now })),
    skipDuplicates: true,
  });
  return count;
}

function placeOf(incident: Pick<TIncident, "address" | "zone">): string {
  return incident.address ?? incident.zone;
}

/** A unit was sent to an incident: its crew's phones ring even when the field page is closed or the phone locked. */
export function queueAssignmentNotice(
  tx: TTx,
  input: {
    dispatchId: string;
    unit: { id: string; callSign: string };
    incident: Pick<TIncident, "number" | "address" | "zone" | "description">;
  },
  now: Date,
): Promise<number> {
  const { incident, unit } = input;
  const summary = incident.description.split("\n")[0]!.slice(0, 140);
  return queueForUnits(
    tx,
    [unit.id],
    {
      kind: "assignment",
      subjectId: input.dispatchId,
      title: `${unit.callSign}: new assignment ${incident.number}`,
      body: `${placeOf(incident)}${summary ? ` — ${summary}` : ""}`,
    },
    now,
  );
}

/** A crew asked for backup: the crews of the other units on that incident and of units nearby are told. */
export function queueBackupNotices(
  tx: TTx,
  input: { alertId: string; unitIds: readonly string[]; callSign: string; incident: Pick<TIncident, "number" | "address" | "zone"> },
  now: Date,
): Promise<number> {
  const { incident } = input;
  return queueForUnits(
    tx,
    input.unitIds,
    {
      kind: "backup",
      subjectId: input.alertId,
      title: `Backup requested: ${input.callSign} on ${incident.number}`,
      body: `${input.callSign} needs backup at ${placeOf(incident)}`,
    },
    now,
  );
}
