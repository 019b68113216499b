import { z } from "zod";
import type { TApiKey } from "@/lib/contracts/api-keys";
import { recordAudit, type TAuditActor } from "@/server/audit/record-audit";
import type { PrismaClient } from "@/server/db/generated/client";
import { inTransaction } from "@/server/db/transaction";
import { notFound } from "@/server/errors";
import { API_KEY_INCLUDE, toApiKey } from "./to-api-key";

type TApiKeyDeps = { prisma: PrismaClient; actor: NonNullable<TAuditActor>; ip: string | null; now?: () => Date };

/** Revokes a key for good (from its next request on). Revoking a revoked key changes nothing and records nothing. */
export async function revokeApiKey(deps: TApiKeyDeps, id: string): Promise<TApiKey> {
  if (!z.uuid().safeParse(id).success) throw notFound("No such API key");
  const row = await inTransaction(deps.prisma, async (tx) => {
    const revokedAt = (deps.now ?? (() => new Date()))();
    const { count } = await tx.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt } });
    const current = await tx.apiKey.findUnique({ where: { id }, include: API_KEY_INCLUDE });
    if (!current) throw notFound("No such API key");
    if (count === 1) {
      await recordAudit(tx, {
        actor: deps.actor,
        action: "api_key.revoked",
        entityType: "api_key",
        entityId: id,
        ip: deps.ip,
        before: { name: current.name, revokedAt: null },
        after: { name: current.name, revokedAt: revokedAt.toISOString() },
      });
    }
    return current;
  });
  return toApiKey(row);
}
