import type { TApiKey } from "@/lib/contracts/api-keys";
import type { PrismaClient } from "@/server/db/generated/client";
import { API_KEY_INCLUDE, toApiKey } from "./to-api-key";

/** Every key, live ones first, newest first within each group. */
export async function listApiKeys(prisma: PrismaClient): Promise<TApiKey[]> {
  const rows = await prisma.apiKey.findMany({ include: API_KEY_INCLUDE, orderBy: [{ createdAt: "desc" }], take: 1000 });
  return rows.map(toApiKey).sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null));
}
