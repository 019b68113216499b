import type { TResponderUnit, TUnitAction, TUnitStatus } from "@/lib/contracts/units";
import { statusInSentence } from "./unit-status-phrase";

/** Statuses of a unit with an assignment (an active dispatch). */
const ASSIGNED_STATUSES: readonly TUnitStatus[] = ["dispatched", "enRoute", "onScene"];

/**
 * The unit status flow: which actions move a unit from which statuses, and where to. `cleared` ends the
 * assignment (the unit heads home: returning); out of service needs available or returning first.
 */
export const UNIT_STATUS_ACTIONS = {
  enRoute: { from: ["dispatched"], to: "enRoute" },
  onScene: { from: ["dispatched", "enRoute"], to: "onScene" },
  cleared: { from: ASSIGNED_STATUSES, to: "returning" },
  available: { from: ["returning", "outOfService"], to: "available" },
  outOfService: { from: ["available", "returning"], to: "outOfService" },
} as const satisfies Partial<Record<TUnitAction, { from: readonly TUnitStatus[]; to: TUnitStatus }>>;

/** Reports that leave the status as it is; some only make sense on an assignment. */
const REPORTS: Partial<Record<TUnitAction, { assignedOnly: boolean }>> = {
  acknowledge: { assignedOnly: true },
  needBackup: { assignedOnly: true },
  checkIn: { assignedOnly: false },
  note: { assignedOnly: false },
};

const PHRASE: Record<TUnitAction, string> = {
  acknowledge: "acknowledge an assignment",
  enRoute: "go en route",
  onScene: "report on scene",
  needBackup: "request backup",
  checkIn: "check in",
  cleared: "clear",
  available: "become available",
  outOfService: "go out of service",
  note: "add a note",
};

type TUnitTransition = { ok: true; to: TUnitStatus; statusChanges: boolean } | { ok: false; reason: string };

/** What `action` does to a unit in its current status, or why it is refused. */
export function unitTransition(unit: Pick<TResponderUnit, "callSign" | "status">, action: TUnitAction): TUnitTransition {
  const from = unit.status;
  const report = REPORTS[action];
  if (report) {
    if (report.assignedOnly && !ASSIGNED_STATUSES.includes(from)) return refuse(unit, action, "it has no assignment");
    return { ok: true, to: from, statusChanges: false };
  }
  const move = UNIT_STATUS_ACTIONS[action as keyof typeof UNIT_STATUS_ACTIONS];
  if (!(move.from as readonly TUnitStatus[]).includes(from)) {
    return refuse(unit, action, `only from ${orList(move.from.map(statusInSentence))}`);
  }
  return { ok: true, to: move.to, statusChanges: true };
}

function refuse(unit: Pick<TResponderUnit, "callSign" | "status">, action: TUnitAction, why: string): TUnitTransition {
  return { ok: false, reason: `${unit.callSign} is ${statusInSentence(unit.status)} and cannot ${PHRASE[action]} (${why})` };
}

const orList = (items: readonly string[]) => (items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`);
