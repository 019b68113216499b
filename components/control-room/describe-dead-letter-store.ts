import type { TDeadLetterStoreStatus } from "@/lib/contracts/realtime";
import { formatClock } from "@/components/format/date-time";

/**
 * The dead-letter figure's label: plain "dead letters" while records reach PostgreSQL, otherwise what is
 * waiting or lost, so an operator knows the invalid-message record is incomplete and why.
 */
export function describeDeadLetterStore(store: TDeadLetterStoreStatus | undefined): { label: string; isTrouble: boolean } {
  if (!store) return { label: "dead letters", isTrouble: false };
  const notes: string[] = [];
  if (store.unreachableSince) notes.push(`database unreachable since ${formatClock(Date.parse(store.unreachableSince))}`);
  if (store.waiting > 0) notes.push(`${store.waiting} waiting to be recorded`);
  const lost = store.droppedAtBound + store.unstorable;
  if (lost > 0) notes.push(`${lost} not recorded`);
  return { label: ["dead letters", ...notes].join(" · "), isTrouble: notes.length > 0 };
}
