import { describe, expect, it } from "vitest";
import type { TUnitStatus } from "@/lib/contracts/units";
import {
  FIELD_FLOW_ACTIONS,
  applyCrewActions,
  canSendNote,
  crewViewOf,
  isFieldActionEnabled,
  type TCrewView,
  type TFieldFlowAction,
} from "./field-actions";
import { fieldAssignmentFixture } from "@/test/fixtures/field-assignment";

const enabledFor = (view: TCrewView): TFieldFlowAction[] => FIELD_FLOW_ACTIONS.filter((action) => isFieldActionEnabled(action, view));
const view = (status: TUnitStatus, rest: Partial<TCrewView> = {}): TCrewView => ({
  status,
  assigned: true,
  acknowledged: false,
  needsBackup: false,
  ...rest,
});

describe("field status buttons", () => {
  it.each<[string, TCrewView, TFieldFlowAction[]]>([
    ["a fresh dispatch", view("dispatched"), ["acknowledge", "enRoute", "onScene", "needBackup", "cleared"]],
    ["an acknowledged dispatch", view("dispatched", { acknowledged: true }), ["enRoute", "onScene", "needBackup", "cleared"]],
    ["en route", view("enRoute", { acknowledged: true }), ["onScene", "needBackup", "cleared"]],
    ["on scene", view("onScene", { acknowledged: true }), ["needBackup", "cleared"]],
    ["on scene with backup requested", view("onScene", { acknowledged: true, needsBackup: true }), ["cleared"]],
    ["returning", view("returning", { assigned: false }), []],
    ["available", view("available", { assigned: false }), []],
    ["out of service", view("outOfService", { assigned: false }), []],
  ])("enables only what makes sense for %s", (_name, crew, expected) => {
    expect(enabledFor(crew)).toEqual(expected);
  });

  it("enables nothing while the unit has no assignment, whatever its status says", () => {
    expect(enabledFor(view("enRoute", { assigned: false }))).toEqual([]);
    expect(canSendNote(view("enRoute", { assigned: false }))).toBe(false);
  });

  it("allows notes on a job only", () => {
    expect(canSendNote(view("onScene"))).toBe(true);
    expect(canSendNote(view("returning", { assigned: false }))).toBe(false);
  });
});

describe("the crew's view of their unit", () => {
  it("reads the status, the assignment and the acknowledgement from the API", () => {
    expect(crewViewOf(fieldAssignmentFixture({ status: "dispatched" }))).toEqual(view("dispatched"));
    expect(crewViewOf(fieldAssignmentFixture({ status: "dispatched", acknowledged: true }))).toEqual(
      view("dispatched", { acknowledged: true }),
    );
    // Moving on implies the dispatch was seen, even without an explicit acknowledgement.
    expect(crewViewOf(fieldAssignmentFixture({ status: "enRoute" }))?.acknowledged).toBe(true);
    expect(crewViewOf(fieldAssignmentFixture({ status: "available", assigned: false }))).toEqual(view("available", { assigned: false }));
  });

  it("is null when the user crews no unit", () => {
    expect(crewViewOf({ unit: null, assignment: null })).toBeNull();
  });

  it("applies unsent taps in order: en route then on scene shows on scene", () => {
    const after = applyCrewActions(view("dispatched"), ["enRoute", "onScene"]);
    expect(after).toEqual(view("onScene", { acknowledged: true }));
    expect(enabledFor(after)).toEqual(["needBackup", "cleared"]);
  });

  it("applies a backup request, answered by the next status move as the server does", () => {
    const asked = applyCrewActions(view("enRoute", { acknowledged: true }), ["needBackup"]);
    expect(asked.needsBackup).toBe(true);
    expect(applyCrewActions(asked, ["onScene"]).needsBackup).toBe(false);
  });

  it("ends the job on cleared and leaves notes and acknowledgements' status alone", () => {
    expect(applyCrewActions(view("onScene", { acknowledged: true }), ["cleared"])).toEqual(
      view("returning", { acknowledged: true, assigned: false }),
    );
    expect(applyCrewActions(view("dispatched"), ["note", "acknowledge"])).toEqual(view("dispatched", { acknowledged: true }));
  });
});
