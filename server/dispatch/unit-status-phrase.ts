import { UNIT_STATUS_LABEL, type TUnitStatus } from "@/lib/contracts/units";

/** "P-12 is en route to INC-2026-000012": how a unit's assignment reads in an error message. */
export const ASSIGNED_PHRASE: Partial<Record<TUnitStatus, string>> = {
  dispatched: "already dispatched to",
  enRoute: "already en route to",
  onScene: "already on scene at",
};

/** "available", "en route": a status as it reads inside a sentence. */
export const statusInSentence = (status: TUnitStatus) => UNIT_STATUS_LABEL[status].toLowerCase();
