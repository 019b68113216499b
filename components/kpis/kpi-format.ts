import type { TKpiFigure } from "@/lib/contracts/history";

const SHARE = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const MINUTES = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

/** 0.756 → "76 %"; null → "—". */
export function formatShare(ratio: number | null): string {
  return ratio === null ? "—" : `${SHARE.format(ratio * 100)} %`;
}

/** Seconds as minutes for chart axes (one decimal); null stays a gap in the line. */
export function toMinutes(seconds: number | null): number | null {
  return seconds === null ? null : Math.round(seconds / 6) / 10;
}

export function formatMinutes(minutes: number): string {
  return `${MINUTES.format(minutes)} min`;
}

const INPUT_MINUTES = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2, useGrouping: false });

/** A target in seconds as the value of the minutes input ("" for none); two decimals read back to the same whole second. */
export function secondsToMinutesInput(seconds: number | null | undefined): string {
  return seconds == null ? "" : INPUT_MINUTES.format(seconds / 60);
}

const MAX_TARGET_MINUTES = 7 * 24 * 60;

/** The minutes input → whole seconds; blank removes the target; anything else that is not 1 s … 7 days is an error. */
export function minutesInputToSeconds(value: string): { seconds: number | null } | { error: string } {
  const text = value.trim().replace(",", ".");
  if (text === "") return { seconds: null };
  const minutes = Number(text);
  if (!Number.isFinite(minutes)) return { error: "Enter minutes as a number, e.g. 4.5" };
  const seconds = Math.round(minutes * 60);
  if (seconds < 1) return { error: "A target must be at least 1 second" };
  if (minutes > MAX_TARGET_MINUTES) return { error: "A target can be at most 7 days (10080 min)" };
  return { seconds };
}

type TTargetStatus = "met" | "partly" | "missed" | "noTarget" | "noData";

/** Met: nine in ten within target (p90 ≤ target). Partly: the median is, the 90th percentile is not. Missed: even the median is over. */
export function targetStatus(figure: TKpiFigure): TTargetStatus {
  if (figure.p50Seconds === null || figure.p90Seconds === null) return "noData";
  if (figure.targetSeconds === null) return "noTarget";
  if (figure.p90Seconds <= figure.targetSeconds) return "met";
  return figure.p50Seconds <= figure.targetSeconds ? "partly" : "missed";
}

/** Said in words, so the colour is never the only signal. */
export const TARGET_STATUS_LABEL: Record<TTargetStatus, string> = {
  met: "On target",
  partly: "Median on target, slowest tenth over",
  missed: "Over target",
  noTarget: "No target set",
  noData: "No incidents reached this step",
};
