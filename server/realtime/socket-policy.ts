import type { TRole } from "@/lib/contracts/auth";
import type { TClientToServerEvents } from "@/lib/contracts/realtime";

/**
 * Which roles may send each client → server event. Typed over the whole contract, so a new event
 * does not compile until someone decides who may send it.
 * Field crews get their own-unit view with the dispatch issue; admins manage users, not operations.
 */
export const SOCKET_EVENT_ROLES: { readonly [E in keyof TClientToServerEvents]: readonly TRole[] } = {
  "city:subscribe": ["operator", "supervisor"],
};

export const FORBIDDEN_ACK_ERROR = "forbidden";

export function maySend(event: keyof TClientToServerEvents, role: TRole): boolean {
  return SOCKET_EVENT_ROLES[event].includes(role);
}
