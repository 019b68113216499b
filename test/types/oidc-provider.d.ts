// oidc-provider ships no typings (and @types/oidc-provider is not installed): just what the tests use.
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  type TAccount = { accountId: string; claims: () => Promise<Record<string, unknown>> };

  export type TProviderConfig = {
    clients?: Array<Record<string, unknown>>;
    conformIdTokenClaims?: boolean;
    claims?: Record<string, string[]>;
    findAccount?: (ctx: unknown, sub: string) => Promise<TAccount | undefined>;
    features?: Record<string, unknown>;
    cookies?: { keys?: string[] };
    [key: string]: unknown;
  };

  export default class Provider {
    constructor(issuer: string, config?: TProviderConfig);
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
  }
}
