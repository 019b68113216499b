import type { TAdminUser } from "@/lib/contracts/auth";
import type { PrismaClient } from "@/server/db/generated/client";
import { toAdminUser } from "./to-admin-user";

/** Every user, oldest first; a city's staff is hundreds of rows, not millions, so no paging yet. */
export async function listUsers(prisma: PrismaClient): Promise<TAdminUser[]> {
  const rows = await prisma.user.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map(toAdminUser);
}
