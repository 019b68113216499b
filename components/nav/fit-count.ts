/**
 * How many of the links (widths in order, px) fit in `available` px. All of them when they fit; otherwise as
 * many as fit beside the "More" button, which takes the rest. Never fewer than zero.
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
