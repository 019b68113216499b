import { ASSIGNABLE_ROLES, ZAssignableUser, type TAssignableUser } from "@/lib/contracts/auth";
import type { PrismaClient } from "@/server/db/generated/client";

/**
 * The colleagues an alert can be handed to: operators and supervisors who may sign in, by name.
 * The same rule assignAlert enforces, so the picker never offers someone the server would refuse.
 */
export async function listAssignableUsers(prisma: PrismaClient): Promise<TAssignableUser[]> {
  const rows = await prisma.user.findMany({
    // `banned` is nullable: null means never banned.
    where: { role: { in: [...ASSIGNABLE_ROLES] }, OR: [{ banned: false }, { banned: null }] },
    select: { id: true, name: true, role: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ZAssignableUser.parse(row));
}
