import type { TTimelineEntry } from "@/lib/contracts/incidents";
import type { Prisma } from "@/server/db/generated/client";
import type { TTx } from "@/server/db/transaction";

/** One timeline entry, written in the same transaction as the change it records. */
export async function appendTimeline(
  tx: TTx,
  entry: { incidentId: string; kind: TTimelineEntry["kind"]; actorId: string | null; data: Record<string, unknown>; at?: Date },
): Promise<void> {
  await tx.incidentEvent.create({
    data: {
      incidentId: entry.incidentId,
      kind: entry.kind,
      actorId: entry.actorId,
      data: JSON.parse(JSON.stringify(entry.data)) as Prisma.InputJsonValue,
      ...(entry.at ? { at: entry.at } : {}),
    },
  });
}
