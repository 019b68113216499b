import { z } from "zod";

/**
 * Roles and the REST contract of sign-in, administration and audit.
 * operator: live map, alerts, dispatch · supervisor: operator + history, KPIs, exports, rule settings
 * field: own assignments, own unit only · admin: users and roles, audit log.
 */
export const ROLES = ["operator", "supervisor", "field", "admin"] as const;
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

/** The signed-in user as the browser sees it (GET /api/me). */
export const ZCurrentUser = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: ZRole,
});
export type TCurrentUser = z.infer<typeof ZCurrentUser>;

/** Roles that work the alert queue, so the only ones an alert can be assigned to. */
export const ASSIGNABLE_ROLES = ["operator", "supervisor"] as const satisfies readonly TRole[];

/** A colleague an alert can be handed to (GET /api/users/assignable): active, and working the queue. */
export const ZAssignableUser = ZCurrentUser.pick({ id: true, name: true }).extend({ role: z.enum(ASSIGNABLE_ROLES) });
export type TAssignableUser = z.infer<typeof ZAssignableUser>;
export const ZAssignableUsers = z.object({ users: z.array(ZAssignableUser) });
export type TAssignableUsers = z.infer<typeof ZAssignableUsers>;

/** Admin: a user row (GET /api/admin/users). */
export const ZAdminUser = ZCurrentUser.extend({
  disabled: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type TAdminUser = z.infer<typeof ZAdminUser>;
export const ZAdminUserList = z.array(ZAdminUser);

export const ZCreateUserRequest = z.object({
  name: z.string().trim().min(1).max(120),
  email: z.email().max(254),
  password: z.string().min(12, "at least 12 characters").max(128),
  role: ZRole,
});
export type TCreateUserRequest = z.infer<typeof ZCreateUserRequest>;

export const ZUpdateUserRequest = z
  .object({ role: ZRole.optional(), disabled: z.boolean().optional() })
  .refine((r) => r.role !== undefined || r.disabled !== undefined, { message: "nothing to change" });
export type TUpdateUserRequest = z.infer<typeof ZUpdateUserRequest>;

/** One append-only audit row (GET /api/audit). */
export const ZAuditEntry = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  ip: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditQuery = z.object({
  action: z.string().max(100).optional(),
  actor: z.string().max(254).optional(),
  entityType: z.string().max(100).optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  /** Opaque keyset cursor from the previous page. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

export const ZAuditPage = z.object({ entries: z.array(ZAuditEntry), nextCursor: z.string().nullable() });
export type TAuditPage = z.infer<typeof ZAuditPage>;

/** Error body of every route handler: 400 carries field errors, never a stack trace. */
export const ZApiError = z.object({
  error: z.string(),
  fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
});
export type TApiError = z.infer<typeof ZApiError>;

/**
 * GET /api/auth-config (public): what the sign-in page offers. `demo` is true only on embedded demo
 * deployments, where the demo accounts exist; anything missing reads as "off".
 */
export const ZAuthConfig = z.object({
  sso: z.object({ enabled: z.boolean(), label: z.string(), providerId: z.string() }),
  demo: z.boolean().optional().default(false),
});
export type TAuthConfig = z.infer<typeof ZAuthConfig>;

/** Where each role lands after signing in, and what its navigation offers. */
export const HOME_BY_ROLE: Record<TRole, string> = {
  operator: "/",
  supervisor: "/",
  field: "/field",
  admin: "/admin/users",
};
