import { ZApiKeyScope, type TApiKey } from "@/lib/contracts/api-keys";
import type { ApiKey, User } from "@/server/db/generated/client";

export type TApiKeyRow = ApiKey & { createdBy: Pick<User, "name"> | null };

export const API_KEY_INCLUDE = { createdBy: { select: { name: true } } } as const;

export function toApiKey(row: TApiKeyRow): TApiKey {
  return {
    id: row.id,
    name: row.name,
    // Scopes a later version dropped are not shown (and grant nothing: authenticate checks the list).
    scopes: row.scopes.filter((s) => ZApiKeyScope.safeParse(s).success) as TApiKey["scopes"],
    prefix: row.prefix,
    createdByName: row.createdBy?.name ?? null,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
