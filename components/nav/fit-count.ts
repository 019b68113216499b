/**
 * How many of the links (widths in order, px) fit in `available` px, with `gap` px between neighbours. All of them
 * when they fit; otherwise as many as fit beside the "More" button (`moreWidth` px, a gap before it), which takes
 * the rest. Never fewer than zero.
 */
export function fitCount(widths: readonly number[], available: number, moreWidth: number, gap: number): number {
  const total = widths.reduce((sum, width, i) => sum + width + (i > 0 ? gap : 0), 0);
  if (total <= available) return widths.length;
  let used = moreWidth;
  for (let i = 0; i < widths.length; i++) {
    used += widths[i]! + gap;
    if (used > available) return i;
  }
  return widths.length;
}

/**
 * Room a link needs beyond its own width to come back out of "More": the live figures beside the links change
 * width as they tick (a digit, a status word), and without it a link at the edge would hop in and out every time.
 * Less than the spare room a 1280 px supervisor's "Live map" link has (13 px measured), so it never costs that link.
 */
export const FIT_SLACK_PX = 8;

type TFit = { widths: readonly number[]; available: number; moreWidth: number; gap: number };

/**
 * fitCount with hysteresis: a link goes into "More" as soon as it no longer fits (it may never overflow), but comes
 * back only when it fits with `slack` px to spare, so widths wobbling within the slack leave the links as they are.
 * `previous` null: nothing fitted yet, the plain fit. The result always lies between the fit for `available - slack`
 * and the fit for `available`.
 */
export function stableFitCount(previous: number | null, { widths, available, moreWidth, gap }: TFit, slack = FIT_SLACK_PX): number {
  const fitting = fitCount(widths, available, moreWidth, gap);
  if (previous === null || fitting < previous) return fitting;
  return Math.max(previous, fitCount(widths, available - slack, moreWidth, gap));
}
