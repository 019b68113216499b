export type TLog = (line: string) => void;

/** Smaller inputs read in a blink: only their stage names are printed. */
export const PROGRESS_MIN_BYTES = 4 * 1024 * 1024;
const STEP_PERCENT = 10;

const mib = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

/** Prints "reading x.osm.pbf: 40% (12.0 of 30.0 MiB, 1,234,567 elements)" every 10% of a big file. */
export function createReadProgress(file: string, totalBytes: number, log: TLog, minBytes = PROGRESS_MIN_BYTES) {
  let nextPercent = STEP_PERCENT;
  const isShown = totalBytes >= minBytes && totalBytes > 0;
  return (bytesRead: number, elements: number) => {
    if (!isShown) return;
    const percent = Math.floor((bytesRead / totalBytes) * 100);
    if (percent < nextPercent) return;
    nextPercent = (Math.floor(percent / STEP_PERCENT) + 1) * STEP_PERCENT;
    log(`reading ${file}: ${percent}% (${mib(bytesRead)} of ${mib(totalBytes)} MiB, ${elements.toLocaleString("en-US")} elements)`);
  };
}

export type TReadProgress = ReturnType<typeof createReadProgress>;
