import type { TPlaybackRange } from "@/lib/contracts/history";

/**
 * Playback time is counted in whole minutes since the epoch (the recorder's resolution), which also makes
 * a compact <input type="range"> value.
 */
export const MINUTE_MS = 60_000;

/** ×1: one recorded minute per real minute; ×60: one per second. */
export const PLAYBACK_SPEEDS = [1, 5, 15, 60] as const;
export type TPlaybackSpeed = (typeof PLAYBACK_SPEEDS)[number];

type TMinuteRange = { first: number; last: number };

export function speedIntervalMs(speed: TPlaybackSpeed): number {
  return MINUTE_MS / speed;
}

export function isoToMinute(iso: string): number {
  return Math.floor(Date.parse(iso) / MINUTE_MS);
}

export function minuteToIso(minute: number): string {
  return new Date(minute * MINUTE_MS).toISOString();
}

/** The recorded minutes as a slider range, or null when nothing is recorded yet. */
export function minuteRangeOf(range: Pick<TPlaybackRange, "from" | "to"> | undefined): TMinuteRange | null {
  if (!range?.from || !range.to) return null;
  return { first: isoToMinute(range.from), last: isoToMinute(range.to) };
}

/** A whole minute inside the range. */
export function clampMinute(minute: number, range: TMinuteRange): number {
  return Math.min(range.last, Math.max(range.first, Math.floor(minute)));
}

/** The minute `by` minutes on, or null past the end (playback stops there). */
export function stepMinute(minute: number, by: number, range: TMinuteRange): number | null {
  const next = minute + by;
  if (next > range.last) return null;
  return clampMinute(next, range);
}
