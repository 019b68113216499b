import type { THandoverSummary } from "@/lib/contracts/history";
import type { THandoverSummaryBuild } from "./build-summary";

const STATUS_WORDS: Record<THandoverSummary["openIncidents"][number]["status"], string> = {
  new: "new",
  acknowledged: "acknowledged",
  dispatched: "dispatched",
  onScene: "on scene",
  resolved: "resolved",
  closed: "closed",
};

/** The note lists this many items per section (the summary beside it has them all)… */
export const NOTE_ITEMS_PER_SECTION = 15;
/** …and stays well under the 10,000 characters a handover may have, leaving room for the operator's own words. */
export const DRAFT_NOTE_MAX = 6_000;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function shiftLength(summary: THandoverSummary): string {
  const minutes = Math.max(0, Math.round((Date.parse(summary.shiftTo) - Date.parse(summary.shiftFrom)) / 60_000));
  const hours = Math.floor(minutes / 60);
  if (hours === 0) return `${minutes} min`;
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}

function section(title: string, lines: string[], more: number): string[] {
  if (lines.length === 0) return [`${title}: none.`];
  const shown = lines.slice(0, NOTE_ITEMS_PER_SECTION);
  const rest = more + lines.length - shown.length;
  return [
    `${title} (${lines.length + more}):`,
    ...shown.map((line) => `- ${clip(line, 200)}`),
    ...(rest > 0 ? [`- …and ${rest} more`] : []),
  ];
}

/**
 * The note a handover starts from: the summary in words, with room at the end for what only the
 * operator knows. Times stay out of the text (the readers' clocks may differ); the UI shows them.
 */
export function draftHandoverNote({ summary, more }: THandoverSummaryBuild): string {
  const { changes } = summary;
  const note = [
    `Handover for the last ${shiftLength(summary)}.`,
    "",
    ...section(
      "Open incidents",
      summary.openIncidents.map((i) => `${i.priority} ${i.label} [${STATUS_WORDS[i.status]}]`),
      more.openIncidents,
    ),
    "",
    ...section(
      "Unacknowledged alerts",
      summary.unacknowledgedAlerts.map((a) => `${a.severity}: ${a.label}`),
      more.unacknowledgedAlerts,
    ),
    "",
    ...section(
      "Units out of service",
      summary.unitsOutOfService.map((u) => (u.reason ? `${u.label}: ${u.reason}` : u.label)),
      more.unitsOutOfService,
    ),
    "",
    `During the shift: ${plural(changes.incidentsCreated, "incident")} created, ${changes.incidentsResolved} resolved, ` +
      `${plural(changes.alertsRaised, "alert")} raised, ${plural(changes.dispatches, "dispatch", "dispatches")}.`,
    "",
    "For the next shift:",
    "",
  ].join("\n");
  return note.length > DRAFT_NOTE_MAX ? `${note.slice(0, DRAFT_NOTE_MAX - 30).trimEnd()}\n…\n\nFor the next shift:\n` : note;
}
