import type { TRuleKind, TRuleOfKind } from "@/lib/contracts/rules";
import type { TCityEvent } from "@/lib/contracts/events";
import type { TEntityIndex } from "../entity-index";

/** trigger: the open condition holds; clear: the clear condition holds; hold: in the hysteresis band, neither. */
export type TReadingState = "trigger" | "clear" | "hold";

/** What one rule concluded about one entity at one instant; the episode state machine takes it from there. */
export type TReading = {
  entityId: string;
  state: TReadingState;
  /** When the reading was taken: the event's observedAt or the tick time. */
  atMs: number;
  /** When the condition began, when earlier than atMs (a stale sensor went stale before the tick noticed). */
  sinceMs?: number;
  /** observedAt (ISO) of the event behind the reading, when not atMs; it names the episode the reading starts. */
  observedAt?: string;
  value: number | string;
  /** Larger is worse; the episode keeps the value with the highest badness as its worst value. */
  badness: number;
  /** What an operator reads of it; see DescribedReading for writing it only when an alert needs it. */
  readonly detail: string;
  relatedEntityIds?: string[];
};

/**
 * One instance per rule, holding whatever history its kind needs (spike windows,
 * last report times, jam clusters). The rule is passed on every call so edited
 * thresholds apply at once without losing that history.
 */
export type TRuleEvaluator<R> = {
  onEvent(rule: R, event: TCityEvent, atMs: number): TReading[];
  onTick?(rule: R, nowMs: number): TReading[];
  /** An open alert carried over from an earlier process: rebuild what this rule remembers of it, so its readings continue it. */
  restore?(rule: R, episode: { entityId: string; sinceMs: number; relatedEntityIds?: readonly string[] }): void;
};

/**
 * A reading whose detail is written only when something reads it: when it opens, updates or clears an alert. Most
 * readings of a busy city change nothing, and formatting their numbers was most of what the rules cost per event.
 * `describe` must only read what does not change afterwards (the event, the city pack, values taken at the reading).
 */
export class DescribedReading implements TReading {
  constructor(
    readonly entityId: string,
    readonly state: TReadingState,
    readonly atMs: number,
    readonly value: number,
    readonly badness: number,
    private readonly describe: () => string,
  ) {}

  get detail(): string {
    return this.describe();
  }
}

export type TEvaluatorFactory<K extends TRuleKind> = (index: TEntityIndex) => TRuleEvaluator<TRuleOfKind<K>>;

export const isoAt = (ms: number) => new Date(ms).toISOString();
