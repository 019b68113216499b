import { ZRole, type TCurrentUser } from "@/lib/contracts/auth";

/** The user fields better-auth (with the admin plugin) hands back with a session. */
type TSessionUser = { id: string; name: string; email: string; role?: string | null; banned?: boolean | null };

/** A signed-in user with a usable role, or null: disabled users and unknown roles get no access. */
export function toCurrentUser(user: TSessionUser): TCurrentUser | null {
  if (user.banned) return null;
  const role = ZRole.safeParse(user.role);
  if (!role.success) return null;
  return { id: user.id, name: user.name, email: user.email, role: role.data };
}
