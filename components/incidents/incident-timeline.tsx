import type { TTimelineEntry } from "@/lib/contracts/incidents";
import { ZIncidentStatus } from "@/lib/contracts/incidents";
import { INCIDENT_STATUS_LABEL } from "./incident-labels";
import { formatClock } from "@/components/format/date-time";
import { formatEta } from "@/components/format/duration";
import { Timeline, TimelineItem } from "./timeline";
import { LongText } from "@/components/ui/long-text";

function statusLabel(value: unknown): string {
  const parsed = ZIncidentStatus.safeParse(value);
  return parsed.success ? INCIDENT_STATUS_LABEL[parsed.data] : String(value ?? "?");
}

const UNIT_STATUS_TEXT: Record<string, string> = {
  available: "available",
  dispatched: "dispatched",
  enRoute: "en route",
  onScene: "on scene",
  returning: "cleared, returning",
  outOfService: "out of service",
};

/** Reports that are not a plain status move say what the crew or the control room did. */
const UNIT_ACTION_TEXT: Record<string, string> = {
  acknowledge: "acknowledged the assignment",
  checkIn: "checked in",
  recalled: "recalled by the control room",
};

function unitStatusLabel(data: Record<string, unknown>): string {
  const action = typeof data.action === "string" ? data.action : "";
  if (action === "recalled") {
    const arrived = data.from === "onScene";
    const reason = typeof data.reason === "string" && data.reason ? ` (${data.reason})` : "";
    return `${UNIT_ACTION_TEXT.recalled}${arrived ? "" : " before arriving"}, returning${reason}`;
  }
  if (UNIT_ACTION_TEXT[action]) return UNIT_ACTION_TEXT[action];
  const to = typeof data.to === "string" ? data.to : action;
  return UNIT_STATUS_TEXT[to] ?? to;
}

/** One line per entry kind; `data` is kind-specific ({ from, to }, { alertId }, { text }). */
export function describeTimelineEntry(entry: TTimelineEntry): string {
  const { data } = entry;
  switch (entry.kind) {
    case "created":
      return "Incident created";
    case "alertLinked":
      return `Alert linked${typeof data.ruleName === "string" ? `: ${data.ruleName}` : ""}`;
    case "note":
      return `${typeof data.callSign === "string" ? `${data.callSign}: ` : ""}${typeof data.text === "string" ? data.text : "Note"}`;
    case "statusChanged":
      return `Status ${statusLabel(data.from)} → ${statusLabel(data.to)}${typeof data.reason === "string" && data.reason ? ` (${data.reason})` : ""}`;
    case "priorityChanged":
      return `Priority ${String(data.from ?? "?")} → ${String(data.to ?? "?")}`;
    case "unitDispatched":
      return `${String(data.callSign ?? data.unitId ?? "Unit")} dispatched${typeof data.etaSeconds === "number" ? ` (ETA ${formatEta(data.etaSeconds)})` : ""}`;
    case "unitStatusChanged":
      return `${String(data.callSign ?? data.unitId ?? "Unit")}: ${unitStatusLabel(data)}`;
    case "backupRequested":
      return `${String(data.callSign ?? data.unitId ?? "Unit")} requested backup${typeof data.text === "string" && data.text ? `: ${data.text}` : ""}`;
    case "backupAcknowledged":
      return `Backup request from ${String(data.callSign ?? data.unitId ?? "the unit")} acknowledged`;
    case "crewAckOverdue":
      return `${String(data.callSign ?? data.unitId ?? "Unit")} has not acknowledged the assignment${typeof data.ackWithinSeconds === "number" ? ` within ${formatEta(data.ackWithinSeconds)}` : ""}`;
  }
}

export function IncidentTimeline({ entries }: { entries: readonly TTimelineEntry[] }) {
  if (entries.length === 0) return <p className="muted">Nothing recorded yet.</p>;
  return (
    <Timeline data-testid="incident-timeline">
      {entries.map((entry) => (
        <TimelineItem
          key={entry.id}
          isHighlighted={entry.kind === "statusChanged"}
          meta={
            <>
              <time dateTime={entry.at}>{formatClock(entry.at)}</time> · {entry.actor?.name ?? "System"}
            </>
          }
        >
          <LongText text={describeTimelineEntry(entry)} />
        </TimelineItem>
      ))}
    </Timeline>
  );
}
