import { isAPIError } from "better-auth/api";
import type { TAdminUser, TCreateUserRequest } from "@/lib/contracts/auth";
import { recordAudit, type TAuditActor } from "@/server/audit/record-audit";
import type { TAuth } from "@/server/auth/create-auth";
import type { PrismaClient } from "@/server/db/generated/client";
import { conflict } from "@/server/errors";
import { toAdminUser } from "./to-admin-user";

type TCreateUserDeps = {
  auth: TAuth;
  prisma: PrismaClient;
  /** null: the system (demo seeding). */
  actor: TAuditActor;
  ip: string | null;
  /** The acting admin's cookie, so better-auth's admin plugin checks the permission as well. */
  actorHeaders?: Headers;
};

/** Creates a user with a password (hashed by better-auth) and records it in the audit log. */
export async function createUser(deps: TCreateUserDeps, input: TCreateUserRequest): Promise<TAdminUser> {
  const email = input.email.trim().toLowerCase();
  if (await deps.prisma.user.findUnique({ where: { email }, select: { id: true } })) throw emailTaken();
  let created: { id: string };
  try {
    ({ user: created } = await deps.auth.api.createUser({
      body: { email, password: input.password, name: input.name, role: input.role },
      headers: deps.actorHeaders,
    }));
  } catch (error) {
    // Two admins creating the same email at once: the loser lands here.
    if (isAPIError(error) && error.body?.code === "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL") throw emailTaken();
    throw error;
  }
  const user = toAdminUser(await deps.prisma.user.findUniqueOrThrow({ where: { id: created.id } }));
  await recordAudit(deps.prisma, {
    actor: deps.actor,
    action: "user.created",
    entityType: "user",
    entityId: user.id,
    ip: deps.ip,
    after: { email: user.email, name: user.name, role: user.role },
  });
  return user;
}

const emailTaken = () => conflict("A user with this email already exists");
