import type { TCreateUserRequest } from "@/lib/contracts/auth";
import { recordAudit } from "@/server/audit/record-audit";
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
 * left alone, so an admin's changes to them (role, disabled) survive restarts, and one created meanwhile
 * by another instance is not an error.
 */
export async function seedDemoUsers(auth: TAuth, prisma: PrismaClient): Promise<string[]> {
  const created: string[] = [];
  const exists = async (email: string) => (await prisma.user.findUnique({ where: { email }, select: { id: true } })) !== null;
  for (const demo of DEMO_USERS) {
    if (await exists(demo.email)) continue;
    try {
      await createUser({ auth, prisma, actor: null, ip: null }, demo);
    } catch (error) {
      // Instances of one city starting together all find the account missing; the first one creates it.
      if (await exists(demo.email)) continue;
      throw error;
    }
    created.push(demo.email);
  }
  return created;
}

/** The unit the demo field user crews, by call sign (an EMS unit in the Three Rivers pack). */
const DEMO_FIELD_UNIT_CALL_SIGN = "M-1";
const DEMO_FIELD_EMAIL = DEMO_USERS.find((u) => u.role === "field")!.email;

/**
 * Puts the demo field user on unit M-1 when they crew no unit yet (call after the units are seeded), so
 * /field has something to show. Returns whether it did; a city without M-1 leaves them unassigned.
 */
export async function crewDemoFieldUser(prisma: PrismaClient): Promise<boolean> {
  const unit = await prisma.unit.findUnique({ where: { callSign: DEMO_FIELD_UNIT_CALL_SIGN }, select: { id: true } });
  if (!unit) return false;
  const { count } = await prisma.user.updateMany({
    where: { email: DEMO_FIELD_EMAIL, role: "field", unitId: null },
    data: { unitId: unit.id },
  });
  if (count === 0) return false;
  await recordAudit(prisma, {
    actor: null,
    action: "unit.updated",
    entityType: "unit",
    entityId: unit.id,
    after: { crewAdded: DEMO_FIELD_EMAIL },
  });
  return true;
}
