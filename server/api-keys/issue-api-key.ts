import type { TCreateApiKeyRequest, TIssuedApiKey } from "@/lib/contracts/api-keys";
import { recordAudit, type TAuditActor } from "@/server/audit/record-audit";
import type { PrismaClient } from "@/server/db/generated/client";
import { inTransaction } from "@/server/db/transaction";
import { generateApiKeySecret, hashApiKeySecret, visiblePrefixOf } from "./api-key-secret";
import { API_KEY_INCLUDE, toApiKey } from "./to-api-key";

type TApiKeyDeps = { prisma: PrismaClient; actor: NonNullable<TAuditActor>; ip: string | null };

/** Issues a key; the secret is in the answer and nowhere else (the database keeps its hash, the audit row neither). */
export async function issueApiKey(deps: TApiKeyDeps, request: TCreateApiKeyRequest): Promise<TIssuedApiKey> {
  const secret = generateApiKeySecret();
  const row = await inTransaction(deps.prisma, async (tx) => {
    const created = await tx.apiKey.create({
      data: {
        name: request.name,
        scopes: request.scopes,
        prefix: visiblePrefixOf(secret),
        secretHash: hashApiKeySecret(secret),
        createdById: deps.actor.id,
      },
      include: API_KEY_INCLUDE,
    });
    await recordAudit(tx, {
      actor: deps.actor,
      action: "api_key.issued",
      entityType: "api_key",
      entityId: created.id,
      ip: deps.ip,
      after: { name: created.name, scopes: created.scopes, prefix: created.prefix },
    });
    return created;
  });
  return { key: toApiKey(row), secret };
}
