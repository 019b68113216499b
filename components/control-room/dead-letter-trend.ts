/** One reading of the ingest counters, as the stats arrive (about once a second). */
export type TDeadLetterSample = { atMs: number; deadLettered: number; totalEvents: number };

export type TDeadLetterTrend = {
  /** Dead letters in the last minute (scaled from a shorter span while less than a minute is known). */
  perMinute: number;
  /** Share of all messages that were dead-lettered in the last minute (0–1). */
  share: number;
  trend: "rising" | "steady" | "falling";
  /** Well above this session's usual rate: worth an operator's look. A steady trickle is not. */
  isUnusual: boolean;
};

const MINUTE_MS = 60_000;
/** How far back the usual rate is taken from. */
export const BASELINE_MS = 15 * MINUTE_MS;
/** A minute this many times the usual rate, and at least MIN_UNUSUAL_PER_MINUTE, is unusual. */
const UNUSUAL_FACTOR = 3;
const MIN_UNUSUAL_PER_MINUTE = 6;
/** Before there is a usual rate to compare with: more than this share of messages failing is unusual. */
const UNUSUAL_SHARE_WITHOUT_BASELINE = 0.02;

/** Keeps the last BASELINE_MS of samples; a counter that went backwards (server restart) starts afresh. */
export function addSample(samples: readonly TDeadLetterSample[], sample: TDeadLetterSample): TDeadLetterSample[] {
  const last = samples.at(-1);
  if (last && (sample.deadLettered < last.deadLettered || sample.totalEvents < last.totalEvents)) return [sample];
  return [...samples.filter((s) => s.atMs >= sample.atMs - BASELINE_MS), sample];
}

function rateBetween(from: TDeadLetterSample, to: TDeadLetterSample): { perMinute: number; share: number } {
  const spanMs = Math.max(1, to.atMs - from.atMs);
  const dead = to.deadLettered - from.deadLettered;
  const all = dead + (to.totalEvents - from.totalEvents);
  return { perMinute: (dead * MINUTE_MS) / spanMs, share: all > 0 ? dead / all : 0 };
}

/** Rate, share and direction of the dead letters: a number an operator can judge, instead of a growing total. */
export function deadLetterTrend(samples: readonly TDeadLetterSample[]): TDeadLetterTrend | null {
  const latest = samples.at(-1);
  if (!latest || samples.length < 2) return null;
  const minuteAgo = samples.find((s) => s.atMs >= latest.atMs - MINUTE_MS) ?? samples[0]!;
  const recent = rateBetween(minuteAgo === latest ? samples[0]! : minuteAgo, latest);
  const first = samples[0]!;
  const hasBaseline = minuteAgo.atMs - first.atMs >= 2 * MINUTE_MS;
  const usual = hasBaseline ? rateBetween(first, minuteAgo).perMinute : null;

  const trend =
    usual === null ? "steady" : recent.perMinute > usual * 1.5 + 1 ? "rising" : recent.perMinute < usual / 1.5 - 1 ? "falling" : "steady";
  const isUnusual =
    usual === null
      ? recent.share > UNUSUAL_SHARE_WITHOUT_BASELINE && recent.perMinute >= MIN_UNUSUAL_PER_MINUTE
      : recent.perMinute >= Math.max(MIN_UNUSUAL_PER_MINUTE, usual * UNUSUAL_FACTOR);
  return { perMinute: recent.perMinute, share: recent.share, trend, isUnusual };
}
