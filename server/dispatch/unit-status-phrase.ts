import type { TUnitStatus } from "@/lib/contracts/units";

/** "P-12 is en route to INC-2026-000012": how a unit's assignment reads in an error message. */
export const ASSIGNED_PHRASE: Partial<Record<TUnitStatus, string>> = {
  dispatched: "already dispatched to",
  enRoute: "already en route to",
  onScene: "already on scene at",
};

export const STATUS_LABEL: Record<TUnitStatus, string> = {
  available: "available",
  dispatched: "dispatched",
  enRoute: "en route",
  onScene: "on scene",
  returning: "returning",
  outOfService: "out of service",
};
