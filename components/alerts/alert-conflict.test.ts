import { describe, expect, it } from "vitest";
import type { TAlert } from "@/lib/contracts/alerts";
import { ApiRequestError } from "@/components/api/request-json";
import { conflictAlert, describeConflict } from "./alert-conflict";

const current = {
  id: "a1",
  dedupKey: "k",
  ruleId: "r",
  ruleName: "Slow traffic",
  domain: "traffic",
  entityId: "seg-1",
  severity: "critical",
  status: "acknowledged",
  escalated: false,
  message: "m",
  value: 1,
  worstValue: 1,
  count: 1,
  firstSeenAt: "2026-01-01T10:00:00.000Z",
  lastSeenAt: "2026-01-01T10:00:00.000Z",
  conditionClearedAt: null,
  location: [-85.6, 41.9],
  zone: "Z",
  acknowledgedBy: { id: "u2", name: "Sam Supervisor" },
  acknowledgedAt: "2026-01-01T10:01:00.000Z",
  assignedTo: null,
  incidentId: null,
  correlationGroup: null,
  resolvedAt: null,
  resolution: null,
  notes: [],
  silenced: null,
  flapping: false,
  flap: null,
  version: 2,
} satisfies TAlert;

describe("alert conflicts", () => {
  it("reads the winning alert from a 409 body and names who acted first", () => {
    const error = new ApiRequestError(409, "stale version", {}, { error: "stale version", current });
    const alert = conflictAlert(error);
    expect(alert?.version).toBe(2);
    expect(describeConflict(error.message, alert)).toMatch(/^Already acknowledged by Sam Supervisor/);
  });

  it("falls back to the server's message without a usable body", () => {
    expect(conflictAlert(new ApiRequestError(409, "x", {}, { error: "x" }))).toBeNull();
    expect(conflictAlert(new ApiRequestError(400, "x", {}, { error: "x", current }))).toBeNull();
    expect(describeConflict("Not allowed", null)).toBe("Not allowed");
  });
});
