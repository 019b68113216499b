/** What the rota math reads: turn order, shift length, and the start of the first member's first shift. */
export type TRotaPattern = { memberIds: readonly string[]; shiftMinutes: number; anchorAt: Date };

export type TShiftAt = { memberId: string; index: number; from: Date; to: Date };

/**
 * Who is on call at `at`: shifts of a fixed length follow each other from the anchor in turn order, and wrap
 * around (also before the anchor, so a rota starting next week still says who would have had today). Fixed
 * lengths, not wall-clock handovers: across a daylight-saving change the handover moves by that hour, which a
 * rota that never skips or doubles a shift is worth. Null for a rota without members.
 */
export function shiftAt(rota: TRotaPattern, at: Date): TShiftAt | null {
  const count = rota.memberIds.length;
  if (count === 0) return null;
  const shiftMs = rota.shiftMinutes * 60_000;
  const turn = Math.floor((at.getTime() - rota.anchorAt.getTime()) / shiftMs);
  const index = ((turn % count) + count) % count;
  const from = new Date(rota.anchorAt.getTime() + turn * shiftMs);
  return { memberId: rota.memberIds[index]!, index, from, to: new Date(from.getTime() + shiftMs) };
}

/** The shift after the one at `at`. */
export function nextShiftAfter(rota: TRotaPattern, at: Date): TShiftAt | null {
  const current = shiftAt(rota, at);
  return current && shiftAt(rota, current.to);
}
