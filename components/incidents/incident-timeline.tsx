import type { TTimelineEntry } from "@/lib/contracts/incidents";
import { ZIncidentStatus } from "@/lib/contracts/incidents";
import { INCIDENT_STATUS_LABEL } from "./incident-labels";

function statusLabel(value: unknown): string {
  const parsed = ZIncidentStatus.safeParse(value);
  return parsed.success ? INCIDENT_STATUS_LABEL[parsed.data] : String(value ?? "?");
}

/** One line per entry kind; `data` is kind-specific ({ from, to }, { alertId }, { text }). */
function describe(entry: TTimelineEntry): string {
  const { data } = entry;
  switch (entry.kind) {
    case "created":
      return "Incident created";
    case "alertLinked":
      return `Alert linked${typeof data.ruleName === "string" ? `: ${data.ruleName}` : ""}`;
    case "note":
      return typeof data.text === "string" ? data.text : "Note";
    case "statusChanged":
      return `Status ${statusLabel(data.from)} → ${statusLabel(data.to)}${typeof data.reason === "string" && data.reason ? ` (${data.reason})` : ""}`;
    case "priorityChanged":
      return `Priority ${String(data.from ?? "?")} → ${String(data.to ?? "?")}`;
  }
}

const TIME = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });

export function IncidentTimeline({ entries }: { entries: readonly TTimelineEntry[] }) {
  if (entries.length === 0) return <p className="muted">Nothing recorded yet.</p>;
  return (
    <ol className="timeline" data-testid="incident-timeline">
      {entries.map((entry) => (
        <li key={entry.id} className={`timeline__item timeline__item--${entry.kind}`}>
          <span className="timeline__meta">
            <time dateTime={entry.at}>{TIME.format(Date.parse(entry.at))}</time> · {entry.actor?.name ?? "System"}
          </span>
          <span className="timeline__text">{describe(entry)}</span>
        </li>
      ))}
    </ol>
  );
}
