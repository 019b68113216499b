import type { TDeadLetterActionResult } from "@/lib/contracts/dead-letters";

/** One sentence for the action bar: "2 replayed; 1 could not be replayed: Only the first 16 of its 70000 bytes were kept…". */
export function describeActionResult(result: TDeadLetterActionResult, done: "replayed" | "handled"): string {
  const ok = result.results.filter((r) => r.outcome === done).length;
  const problems = result.results.filter((r) => r.outcome !== done);
  const parts = [`${ok} ${done === "replayed" ? "replayed" : "marked as handled"}`];
  const details = [...new Set(problems.map((r) => r.detail).filter((d): d is string => d !== null))];
  if (problems.length > 0) parts.push(`${problems.length} not ${done === "replayed" ? "replayed" : "changed"}: ${details.join("; ")}`);
  return `${parts.join("; ")}.`;
}
