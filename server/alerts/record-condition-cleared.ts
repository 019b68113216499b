import { recordAudit } from "@/server/audit/record-audit";
import type { TTx } from "@/server/db/transaction";

type TConditionCleared = {
  alertId: string;
  /** The alert's status before its condition cleared. */
  statusBefore: string;
  /** Whether the clear resolved it (nobody had taken it on); otherwise it waits, marked cleared, for whoever has it. */
  isResolved: boolean;
  clearedAt: Date;
  /** What cleared it, as the timeline shows it. */
  message: string;
};

/** The audit row (and outbox event) of an alert whose condition cleared, in the caller's transaction. */
export function recordConditionCleared(tx: TTx, cleared: TConditionCleared): Promise<void> {
  return recordAudit(tx, {
    actor: null,
    action: cleared.isResolved ? "alert.auto_resolved" : "alert.condition_cleared",
    entityType: "alert",
    entityId: cleared.alertId,
    before: { status: cleared.statusBefore, conditionClearedAt: null },
    after: {
      status: cleared.isResolved ? "resolved" : cleared.statusBefore,
      conditionClearedAt: cleared.clearedAt.toISOString(),
      message: cleared.message,
    },
  });
}
