import { z } from "zod";

/** What a partner or citizen app's key may call: the NGSI-LD read API, the citizens' reports (Open311), and other agencies' CAP warnings. */
export const API_KEY_SCOPES = ["ngsi-ld:read", "open311", "cap:write"] as const;
export const ZApiKeyScope = z.enum(API_KEY_SCOPES);
export type TApiKeyScope = z.infer<typeof ZApiKeyScope>;

/** A key as admins see it: never the secret, only its first characters to tell keys apart. */
export const ZApiKey = z.object({
  id: z.uuid(),
  name: z.string(),
  scopes: z.array(ZApiKeyScope),
  prefix: z.string(),
  /** Who issued it; null once that account is gone. */
  createdByName: z.string().nullable(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type TApiKey = z.infer<typeof ZApiKey>;
export const ZApiKeyList = z.array(ZApiKey);

export const ZCreateApiKeyRequest = z.object({
  name: z.string().trim().min(1).max(120),
  scopes: z
    .array(ZApiKeyScope)
    .min(1, "choose at least one scope")
    .max(API_KEY_SCOPES.length)
    .refine((scopes) => new Set(scopes).size === scopes.length, "each scope once"),
});
export type TCreateApiKeyRequest = z.infer<typeof ZCreateApiKeyRequest>;

/** The answer to issuing a key: the only time its secret is ever sent. */
export const ZIssuedApiKey = z.object({ key: ZApiKey, secret: z.string() });
export type TIssuedApiKey = z.infer<typeof ZIssuedApiKey>;
