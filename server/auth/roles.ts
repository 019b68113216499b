import { createAccessControl } from "better-auth/plugins/access";
import { defaultStatements } from "better-auth/plugins/admin/access";
import type { TRole } from "@/lib/contracts/auth";

/**
 * Our four roles in the admin plugin's access control. Only admins may manage users; the others hold
 * no user-management permission, so even a direct call to the plugin's endpoints is refused.
 */
const ac = createAccessControl(defaultStatements);

export const ADMIN_PLUGIN_ROLES = {
  admin: ac.newRole({
    user: ["create", "list", "set-role", "ban", "get", "update"],
    session: ["list", "revoke", "delete"],
  }),
  supervisor: ac.newRole({ user: [], session: [] }),
  operator: ac.newRole({ user: [], session: [] }),
  field: ac.newRole({ user: [], session: [] }),
} satisfies Record<TRole, unknown>;

export const ACCESS_CONTROL = ac;
