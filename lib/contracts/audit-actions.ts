/**
 * Audit actions recorded so far (GET /api/audit `action` filter). Later issues add incident actions.
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
] as const;
export type TAuditAction = (typeof AUDIT_ACTIONS)[number];
