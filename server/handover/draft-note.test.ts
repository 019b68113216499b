import { describe, expect, it } from "vitest";
import type { THandoverSummary } from "@/lib/contracts/history";
import { DRAFT_NOTE_MAX, draftHandoverNote, NOTE_ITEMS_PER_SECTION } from "./draft-note";

const summary: THandoverSummary = {
  shiftFrom: "2026-03-01T06:00:00.000Z",
  shiftTo: "2026-03-01T13:45:00.000Z",
  openIncidents: [{ id: "i1", label: "INC-2026-000001 · Fire in a bin (12 Main St)", priority: "P1", status: "onScene" }],
  unacknowledgedAlerts: [
    { id: "a1", label: "Bin burning: Bin reports burning — Central", severity: "critical" },
    { id: "a2", label: "Jam: Main St at 20 % — North", severity: "major" },
  ],
  unitsOutOfService: [
    { id: "u1", label: "E-2", reason: "Pump failure" },
    { id: "u2", label: "P-7", reason: null },
  ],
  changes: { incidentsCreated: 1, incidentsResolved: 0, alertsRaised: 14, dispatches: 2 },
};

describe("the pre-filled handover note", () => {
  it("puts the summary in words, with room for the operator's own notes", () => {
    expect(draftHandoverNote({ summary, more: { openIncidents: 0, unacknowledgedAlerts: 0, unitsOutOfService: 0 } })).toBe(
      [
        "Handover for the last 7 h 45 min.",
        "",
        "Open incidents (1):",
        "- P1 INC-2026-000001 · Fire in a bin (12 Main St) [on scene]",
        "",
        "Unacknowledged alerts (2):",
        "- critical: Bin burning: Bin reports burning — Central",
        "- major: Jam: Main St at 20 % — North",
        "",
        "Units out of service (2):",
        "- E-2: Pump failure",
        "- P-7",
        "",
        "During the shift: 1 incident created, 0 resolved, 14 alerts raised, 2 dispatches.",
        "",
        "For the next shift:",
        "",
      ].join("\n"),
    );
  });

  it("says 'none' for empty lists and counts what did not fit", () => {
    const note = draftHandoverNote({
      summary: {
        ...summary,
        shiftTo: "2026-03-01T14:00:00.000Z",
        openIncidents: [],
        unitsOutOfService: [],
        changes: { incidentsCreated: 0, incidentsResolved: 0, alertsRaised: 1, dispatches: 1 },
      },
      more: { openIncidents: 0, unacknowledgedAlerts: 5, unitsOutOfService: 0 },
    });
    expect(note).toContain("Handover for the last 8 h.");
    expect(note).toContain("Open incidents: none.");
    expect(note).toContain("Units out of service: none.");
    expect(note).toContain("Unacknowledged alerts (7):");
    expect(note).toContain("- …and 5 more");
    expect(note).toContain("During the shift: 0 incidents created, 0 resolved, 1 alert raised, 1 dispatch.");
  });

  it("lists a limited number of items per section and stays short enough to send", () => {
    const many = Array.from({ length: 100 }, (_, i) => ({
      id: `a${i}`,
      label: `Rule ${i}: ${"very long message ".repeat(20)}`,
      severity: "minor" as const,
    }));
    const units = Array.from({ length: 40 }, (_, i) => ({ id: `u${i}`, label: `U-${i}`, reason: "x".repeat(2_000) }));
    const note = draftHandoverNote({
      summary: { ...summary, unacknowledgedAlerts: many, unitsOutOfService: units },
      more: { openIncidents: 0, unacknowledgedAlerts: 20, unitsOutOfService: 0 },
    });
    expect(note).toContain("Unacknowledged alerts (120):");
    expect(note).toContain(`- …and ${120 - NOTE_ITEMS_PER_SECTION} more`);
    expect(note.match(/^- minor: /gm)).toHaveLength(NOTE_ITEMS_PER_SECTION);
    expect(note.length).toBeLessThanOrEqual(DRAFT_NOTE_MAX);
    expect(note.endsWith("For the next shift:\n")).toBe(true);
  });
});
