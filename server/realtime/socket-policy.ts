import type { TRole } from "@/lib/contracts/auth";
import type { TClientToServerEvents, TServerToClientEvents } from "@/lib/contracts/realtime";

/**
 * Which roles may send each client → server event. Typed over the whole contract, so a new event
 * does not compile until someone decides who may send it.
 * Field crews see only their own unit, through REST and "assignment:changed" sent to their user room;
 * admins manage users, not operations.
 */
export const SOCKET_EVENT_ROLES: { readonly [E in keyof TClientToServerEvents]: readonly TRole[] } = {
  "city:subscribe": ["operator", "supervisor"],
  "city:viewport": ["operator", "supervisor"],
};

export const FORBIDDEN_ACK_ERROR = "forbidden";

export function maySend(event: keyof TClientToServerEvents, role: TRole): boolean {
  return SOCKET_EVENT_ROLES[event].includes(role);
}

/**
 * Server → client events pushed to everyone of some roles (not to a subscription). Each socket joins
 * its role's room at connection; a role change or a disable drops the user's sockets, so the room
 * always matches the session. Alerts and incidents are operations data: never for field or admin.
 */
export const PUBLISHED_EVENT_ROLES = {
  "alert:upsert": ["operator", "supervisor"],
  "incident:upsert": ["operator", "supervisor"],
  "unit:upsert": ["operator", "supervisor"],
  "cap:warnings": ["operator", "supervisor"],
  "zones:changed": ["operator", "supervisor", "field", "admin"],
} as const satisfies { readonly [E in keyof TServerToClientEvents]?: readonly TRole[] };

export type TPublishedEvent = keyof typeof PUBLISHED_EVENT_ROLES;

export const roleRoom = (role: TRole) => `role:${role}`;
