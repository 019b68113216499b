/**
 * Audit actions recorded so far (GET /api/audit `action` filter). System actions (the rules engine, escalation) have no actor.
 * Names are `entity.verb` in the past tense: they describe what happened, not what was asked.
 */
export const AUDIT_ACTIONS = [
  "auth.signed_in",
  "auth.sign_in_failed",
  "auth.signed_out",
  "user.created",
  "user.role_changed",
  "user.disabled",
  "user.enabled",
  "alert.raised",
  "alert.condition_cleared",
  "alert.auto_resolved",
  "alert.escalated",
  "alert.acknowledged",
  "alert.note_added",
  "alert.assigned",
  "alert.promoted",
  "alert.resolved",
  "incident.created",
  "incident.alert_linked",
  "incident.status_changed",
  "incident.note_added",
  "rule.updated",
  "unit.created",
  "unit.updated",
  "unit.dispatched",
  "unit.status_changed",
  "unit.acknowledged",
  "unit.backup_requested",
  "unit.checked_in",
  "unit.note_added",
] as const;
export type TAuditAction = (typeof AUDIT_ACTIONS)[number];
