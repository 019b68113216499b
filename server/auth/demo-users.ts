import type { TCreateUserRequest } from "@/lib/contracts/auth";
import type { PrismaClient } from "@/server/db/generated/client";
import { createUser } from "@/server/users/create-user";
import type { TAuth } from "./create-auth";

/** Known password: demo deployments only (embedded mode, or DEMO_USERS=true; see server/env.ts). */
export const DEMO_PASSWORD = "citynerve-demo";

export const DEMO_USERS: readonly TCreateUserRequest[] = [
  { email: "operator@citynerve.local", name: "Olivia Operator", role: "operator", password: DEMO_PASSWORD },
  { email: "supervisor@citynerve.local", name: "Sam Supervisor", role: "supervisor", password: DEMO_PASSWORD },
  { email: "field@citynerve.local", name: "Fiona Field", role: "field", password: DEMO_PASSWORD },
  { email: "admin@citynerve.local", name: "Adam Admin", role: "admin", password: DEMO_PASSWORD },
];

/**
 * Creates whichever demo accounts are missing (audited as created by the system). Existing ones are
 * left alone, so an admin's changes to them (role, disabled) survive restarts.
 */
export async function seedDemoUsers(auth: TAuth, prisma: PrismaClient): Promise<string[]> {
  const created: string[] = [];
  for (const demo of DEMO_USERS) {
    if (await prisma.user.findUnique({ where: { email: demo.email }, select: { id: true } })) continue;
    await createUser({ auth, prisma, actor: null, ip: null }, demo);
    created.push(demo.email);
  }
  return created;
}
