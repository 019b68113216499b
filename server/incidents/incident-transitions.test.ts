import { describe, expect, it } from "vitest";
import { INCIDENT_STATUSES } from "@/lib/contracts/incidents";
import { INCIDENT_TRANSITIONS, isIncidentActive, isTransitionAllowed, refuseTransition } from "./incident-transitions";

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

  it("lets units dispatch a new or acknowledged incident, and nothing further along", () => {
    const from = INCIDENT_STATUSES.filter((s) => isTransitionAllowed(s, "dispatched", "units"));
    expect(from).toEqual(["new", "acknowledged"]);
  });

  it("lets the first unit on scene move any active incident not yet on scene", () => {
    const from = INCIDENT_STATUSES.filter((s) => isTransitionAllowed(s, "onScene", "units"));
    expect(from).toEqual(["new", "acknowledged", "dispatched"]);
  });

  it("lets the last unit clearing resolve any active incident, never a resolved or closed one", () => {
    for (const status of INCIDENT_STATUSES) expect(isTransitionAllowed(status, "resolved", "units"), status).toBe(isIncidentActive(status));
  });

  it("leaves recall, reopening and closing to a person", () => {
    expect(isTransitionAllowed("dispatched", "acknowledged", "units")).toBe(false);
    expect(isTransitionAllowed("resolved", "acknowledged", "units")).toBe(false);
    expect(isTransitionAllowed("resolved", "closed", "units")).toBe(false);
    expect(isTransitionAllowed("dispatched", "acknowledged", "person")).toBe(true);
    expect(isTransitionAllowed("resolved", "closed", "person")).toBe(true);
  });

  it("refuses a units' move off their edges, saying why", () => {
    expect(refuseTransition("onScene", "dispatched", "units")).toBe(
      "Its units cannot move an incident from onScene to dispatched (allowed next: resolved)",
    );
    expect(refuseTransition("resolved", "onScene", "units")).toBe(
      "Its units cannot move an incident from resolved to onScene (only a person moves a resolved incident)",
    );
    expect(refuseTransition("onScene", "onScene", "units")).toBe("The incident is already onScene");
  });

  it("keeps a person's edges apart from the units' (a person cannot dispatch a new incident by status alone)", () => {
    expect(refuseTransition("new", "dispatched")).toBe("An incident cannot go from new to dispatched (allowed next: acknowledged)");
    expect(refuseTransition("new", "dispatched", "units")).toBeNull();
  });
});
