import type { TAdminUser, TUpdateUserRequest } from "@/lib/contracts/auth";
import { recordAudit, type TAuditActor } from "@/server/audit/record-audit";
import type { TAuth } from "@/server/auth/create-auth";
import type { PrismaClient } from "@/server/db/generated/client";
import { forbidden, notFound } from "@/server/errors";
import { toAdminUser } from "./to-admin-user";

type TUpdateUserDeps = {
  auth: TAuth;
  prisma: PrismaClient;
  actor: NonNullable<TAuditActor>;
  ip: string | null;
  /** The acting admin's cookie: better-auth's admin plugin re-checks the permission. */
  actorHeaders: Headers;
  /** Closes the user's live sockets (they were opened with the old role, or the user is now disabled). */
  disconnectUser: (userId: string) => void;
};

/**
 * Role change and disable / enable. Disabling revokes every session at once (better-auth's ban), and
 * the caller's disconnectUser drops open sockets, so access ends now rather than at session expiry.
 */
export async function updateUser(deps: TUpdateUserDeps, userId: string, change: TUpdateUserRequest): Promise<TAdminUser> {
  const before = await deps.prisma.user.findUnique({ where: { id: userId } });
  if (!before) throw notFound("No such user");
  // An admin locking themselves out would leave nobody to undo it.
  if (userId === deps.actor.id && change.disabled === true) throw forbidden("You cannot disable your own account");
  if (userId === deps.actor.id && change.role !== undefined && change.role !== "admin") {
    throw forbidden("You cannot remove your own admin role");
  }
  const audit = (action: string, from: unknown, to: unknown) =>
    recordAudit(deps.prisma, { actor: deps.actor, action, entityType: "user", entityId: userId, ip: deps.ip, before: from, after: to });
  const api = deps.auth.api;
  const headers = deps.actorHeaders;

  if (change.role !== undefined && change.role !== before.role) {
    await api.setRole({ body: { userId, role: change.role }, headers });
    deps.disconnectUser(userId);
    await audit("user.role_changed", { role: before.role }, { role: change.role });
  }
  const wasDisabled = before.banned === true;
  if (change.disabled === true && !wasDisabled) {
    await api.banUser({ body: { userId, banReason: `Disabled by ${deps.actor.email}` }, headers });
    deps.disconnectUser(userId);
    await audit("user.disabled", { disabled: false }, { disabled: true });
  } else if (change.disabled === false && wasDisabled) {
    await api.unbanUser({ body: { userId }, headers });
    await audit("user.enabled", { disabled: true }, { disabled: false });
  }
  return toAdminUser(await deps.prisma.user.findUniqueOrThrow({ where: { id: userId } }));
}
