import type { TAuditAction } from "@/lib/contracts/audit-actions";
import type { TUnitAction } from "@/lib/contracts/units";

/** The audit action each crew report is recorded as; every status move is unit.status_changed. */
export const AUDIT_ACTION_OF: Record<TUnitAction, TAuditAction> = {
  acknowledge: "unit.acknowledged",
  needBackup: "unit.backup_requested",
  checkIn: "unit.checked_in",
  note: "unit.note_added",
  enRoute: "unit.status_changed",
  onScene: "unit.status_changed",
  cleared: "unit.status_changed",
  available: "unit.status_changed",
  outOfService: "unit.status_changed",
};
