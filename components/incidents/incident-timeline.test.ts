import { describe, expect, it } from "vitest";
import type { TTimelineEntry } from "@/lib/contracts/incidents";
import { describeTimelineEntry } from "./incident-timeline";

const entry = (kind: TTimelineEntry["kind"], data: Record<string, unknown>): TTimelineEntry => ({
  id: "1",
  at: "2026-12-02T12:00:00.000Z",
  kind,
  actor: null,
  data,
});

describe("incident timeline wording", () => {
  it("says what the crew or the control room did, not the status the unit happens to be in", () => {
    const unit = { unitId: "unit-m1", callSign: "M-1" };
    expect(
      describeTimelineEntry(entry("unitStatusChanged", { ...unit, from: "dispatched", to: "dispatched", action: "acknowledge" })),
    ).toBe("M-1: acknowledged the assignment");
    expect(
      describeTimelineEntry(
        entry("unitStatusChanged", { ...unit, from: "enRoute", to: "returning", action: "recalled", reason: "incident resolved" }),
      ),
    ).toBe("M-1: recalled by the control room before arriving, returning (incident resolved)");
    expect(describeTimelineEntry(entry("unitStatusChanged", { ...unit, from: "onScene", to: "returning", action: "recalled" }))).toBe(
      "M-1: recalled by the control room, returning",
    );
    expect(describeTimelineEntry(entry("unitStatusChanged", { ...unit, from: "onScene", to: "returning", action: "cleared" }))).toBe(
      "M-1: cleared, returning",
    );
    expect(describeTimelineEntry(entry("backupAcknowledged", unit))).toBe("Backup request from M-1 acknowledged");
  });
});
