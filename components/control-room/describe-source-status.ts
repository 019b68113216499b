import type { TSourceState, TSourceStatus } from "@/lib/contracts/realtime";
import { formatClock } from "@/components/format/date-time";
import { formatAge } from "@/components/format/duration";

const HEADLINE: Record<TSourceState, string> = {
  connected: "Kafka connected",
  connecting: "Connecting to Kafka",
  unreachable: "Kafka unreachable",
  restarting: "Consumer restarting",
  failed: "Consumer failing, retrying",
};

type TSourceStatusText = {
  /** What is going on, in words: "Kafka unreachable since 14:02:17". */
  headline: string;
  /** Staleness of the worst partition, restarts and offset resets: "oldest unread 12 s ago · 2 restarts". */
  detail: string;
  isTrouble: boolean;
  /** One line per partition: "city.traffic/0: lag 12, oldest unread 12 s ago". */
  partitions: string[];
};

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
const oldest = (ms: number | null) => (ms === null ? "nothing waiting" : `oldest unread ${formatAge(ms)}`);

export function describeSourceStatus(status: TSourceStatus): TSourceStatusText {
  const headline =
    status.state === "unreachable" ? `${HEADLINE.unreachable} since ${formatClock(Date.parse(status.since))}` : HEADLINE[status.state];
  const ages = status.partitions.map((p) => p.oldestWaitingMs).filter((ms): ms is number => ms !== null);
  const parts = [oldest(ages.length > 0 ? Math.max(...ages) : null)];
  if (status.restarts > 0) parts.push(plural(status.restarts, "restart"));
  if (status.offsetResets > 0) parts.push(plural(status.offsetResets, "offset reset"));
  return {
    headline,
    detail: parts.join(" · "),
    // Connecting is how every start begins, not trouble.
    isTrouble: status.state !== "connected" && status.state !== "connecting",
    partitions: status.partitions.map((p) => `${p.topic}/${p.partition}: lag ${p.lag ?? "unknown"}, ${oldest(p.oldestWaitingMs)}`),
  };
}
