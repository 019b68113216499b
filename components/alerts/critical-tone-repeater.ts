/** How often the tone sounds again while a critical alert waits unacknowledged. */
export const CRITICAL_TONE_REPEAT_MS = 30_000;

/** New critical alerts within this of the last tone do not sound again: an alarm storm is one tone, not hundreds. */
export const CRITICAL_TONE_MIN_GAP_MS = 5_000;

export type TCriticalToneState = {
  /** A critical alert this page has not sounded for yet arrived. */
  hasFresh: boolean;
  /** Some critical alert is still unacknowledged. */
  hasWaiting: boolean;
  isMuted: boolean;
};

/**
 * When the critical-alert tone sounds: at once for a new critical alert, then again every `repeatMs` for as
 * long as any critical alert waits unacknowledged (a tone played once is easy to miss across a control room).
 * New alerts arriving within `minGapMs` of the last tone are covered by it. Muted, it never sounds, and unmuting
 * does not replay what was missed until the next repeat is due. Time is passed in, so the rhythm is tested
 * without a clock.
 */
export function createCriticalToneRepeater(play: () => void, repeatMs = CRITICAL_TONE_REPEAT_MS, minGapMs = CRITICAL_TONE_MIN_GAP_MS) {
  let lastToneAt: number | null = null;
  let state: TCriticalToneState = { hasFresh: false, hasWaiting: false, isMuted: false };

  const sound = (now: number) => {
    lastToneAt = now;
    play();
  };

  return {
    /** The alerts or the mute changed. */
    update(next: TCriticalToneState, now: number): void {
      state = next;
      if (!next.hasWaiting) lastToneAt = null;
      if (!next.hasFresh) return;
      if (next.isMuted)
        lastToneAt = now; // the repeat counts from the alert all the same
      else if (lastToneAt === null || now - lastToneAt >= minGapMs) sound(now);
    },
    /** Called on a timer: sounds again if a critical alert has waited `repeatMs` since the last tone. */
    tick(now: number): void {
      if (!state.hasWaiting || state.isMuted) return;
      if (lastToneAt === null || now - lastToneAt >= repeatMs) sound(now);
    },
  };
}
