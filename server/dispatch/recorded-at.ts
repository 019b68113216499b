/**
 * When a crew's action happened: the time they tapped it (`at`, queued offline it can be minutes old),
 * never in the future and never before what it follows (the dispatch, the unit's last status change).
 */
export function recordedAt(requested: string | undefined, now: Date, notBefore: readonly (string | null | undefined)[]): Date {
  if (!requested) return now;
  const floor = Math.max(...notBefore.map((t) => (t ? Date.parse(t) : -Infinity)));
  return new Date(Math.max(Math.min(Date.parse(requested), now.getTime()), floor));
}
