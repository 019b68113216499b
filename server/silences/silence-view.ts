import { type TAlertSilence, type TSilence, type TSilenceWindow, ZSilenceMatchers } from "@/lib/contracts/silences";
import type { Silence } from "@/server/db/generated/client";
import type { TTx } from "@/server/db/transaction";
import { occurrenceEnd, silenceMatches, type TSilenceSubject } from "./silence-matches";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toSilence(row: Silence): TSilence {
  return {
    id: row.id,
    // Absent matchers are NULL columns; the contract has them absent, not null.
    matchers: ZSilenceMatchers.parse({
      ruleId: row.ruleId ?? undefined,
      entityId: row.entityId ?? undefined,
      domain: row.domain ?? undefined,
      zone: row.zone ?? undefined,
    }),
    window: row.window as TSilenceWindow,
    reason: row.reason,
    createdBy: { id: row.createdById, name: row.createdByName },
    createdAt: row.createdAt.toISOString(),
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    cancelledAt: iso(row.cancelledAt),
    cancelledBy: row.cancelledById ? { id: row.cancelledById, name: row.cancelledByName ?? row.cancelledById } : null,
  };
}

/** Silences that may cover something at `now`: started, not expired, not cancelled (their windows decide the rest). */
export async function loadSilencesInForce(db: TTx, now: Date): Promise<TSilence[]> {
  const rows = await db.silence.findMany({
    where: { cancelledAt: null, startsAt: { lte: now }, endsAt: { gt: now } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toSilence);
}

/**
 * What to store on an alert that one of these silences covers at `now`, or null. Of several, the one whose
 * current stretch lasts longest: the alert stays quiet as long as anything covers it.
 */
export function silenceFor(silences: readonly TSilence[], subject: TSilenceSubject, now: Date): TAlertSilence | null {
  let best: TAlertSilence | null = null;
  for (const silence of silences) {
    if (!silenceMatches(silence, subject, now)) continue;
    const endsAt = occurrenceEnd(silence, now).toISOString();
    if (!best || endsAt > best.endsAt) best = { id: silence.id, reason: silence.reason, endsAt };
  }
  return best;
}
