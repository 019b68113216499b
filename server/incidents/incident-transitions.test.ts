import { describe, expect, it } from "vitest";
import { INCIDENT_STATUSES } from "@/lib/contracts/incidents";
import { INCIDENT_TRANSITIONS, refuseTransition } from "./incident-transitions";

describe("incident transitions", () => {
  it("allows the main flow step by step", () => {
    const flow = ["new", "acknowledged", "dispatched", "onScene", "resolved", "closed"] as const;
    for (let i = 1; i < flow.length; i++) expect(refuseTransition(flow[i - 1], flow[i])).toBeNull();
  });

  it("refuses skips, staying put and anything after closed, saying what is allowed", () => {
    expect(refuseTransition("new", "onScene")).toBe("An incident cannot go from new to onScene (allowed next: acknowledged)");
    expect(refuseTransition("new", "new")).toBe("The incident is already new");
    expect(refuseTransition("closed", "acknowledged")).toBe("An incident cannot go from closed to acknowledged (closed is final)");
  });

  it("covers every status", () => {
    expect(Object.keys(INCIDENT_TRANSITIONS).sort()).toEqual([...INCIDENT_STATUSES].sort());
  });
});
