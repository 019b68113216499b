import type { TApiKeyScope } from "@/lib/contracts/api-keys";
import type { PrismaClient } from "@/server/db/generated/client";
import { API_KEY_MAX_CHARS, hashApiKeySecret, isSameHash } from "./api-key-secret";
import type { TApiKeyRateLimit } from "./api-key-rate-limit";

export type TApiKeyCaller = { id: string; name: string };

export type TApiKeyCheck =
  | { ok: true; caller: TApiKeyCaller }
  | { ok: false; status: 401 | 403; reason: string }
  | { ok: false; status: 429; reason: string; retryAfterSeconds: number };

type TAuthenticateApiKeyDeps = { prisma: PrismaClient; rateLimit: TApiKeyRateLimit; now?: () => Date };

/** lastUsedAt is a hint for admins ("is this app still calling?"), not a log: one write a minute per key at most. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** The key a request presents: `Authorization: Bearer <key>`, else `X-Api-Key: <key>`. */
export function presentedApiKey(headers: Headers): string | null {
  const authorization = headers.get("authorization");
  const bearer = authorization ? /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1] : undefined;
  const key = bearer ?? headers.get("x-api-key")?.trim();
  return key ? key : null;
}

/**
 * Who is calling, and may they use `scope`: 401 without a key or with an unknown or revoked one (the same
 * answer for all three, so the answer tells an attacker nothing), 403 when the key lacks the scope, 429 over
 * the key's per-minute budget.
 */
export async function authenticateApiKey(deps: TAuthenticateApiKeyDeps, headers: Headers, scope: TApiKeyScope): Promise<TApiKeyCheck> {
  const secret = presentedApiKey(headers);
  if (!secret) return { ok: false, status: 401, reason: "An API key is required (Authorization: Bearer <key> or X-Api-Key)" };
  const unknown = { ok: false, status: 401, reason: "The API key is not valid" } as const;
  if (secret.length > API_KEY_MAX_CHARS) return unknown;

  const hash = hashApiKeySecret(secret);
  // Looked up by its hash: the index compares hashes of a 256-bit secret, which leaks nothing usable
  // through timing; the constant-time check below keeps the final decision independent of it anyway.
  const key = await deps.prisma.apiKey.findUnique({ where: { secretHash: hash } });
  if (!key || !isSameHash(key.secretHash, hash) || key.revokedAt !== null) return unknown;
  if (!key.scopes.includes(scope)) return { ok: false, status: 403, reason: `This API key may not use ${scope}` };

  const limit = await deps.rateLimit.consume(key.id);
  if (!limit.allowed) {
    return { ok: false, status: 429, reason: "Too many requests with this API key", retryAfterSeconds: limit.retryAfterSeconds };
  }

  const now = (deps.now ?? (() => new Date()))();
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await deps.prisma.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } });
  }
  return { ok: true, caller: { id: key.id, name: key.name } };
}
