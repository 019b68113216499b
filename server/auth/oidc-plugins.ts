import type { BetterAuthPlugin } from "better-auth";
import { genericOAuth } from "better-auth/plugins/generic-oauth";
import type { PrismaClient } from "@/server/db/generated/client";
import type { TServerEnv } from "@/server/env";
import { createOidcRoleSync } from "./oidc-role-sync";
import { mapOidcRole } from "./oidc-role";

/** better-auth's provider id: the sign-in button calls signIn.social({ provider: OIDC_PROVIDER_ID }). */
export const OIDC_PROVIDER_ID = "oidc";

export type TOidcEnv = Pick<
  TServerEnv,
  "OIDC_ISSUER" | "OIDC_CLIENT_ID" | "OIDC_CLIENT_SECRET" | "OIDC_SCOPES" | "OIDC_ROLE_CLAIM" | "OIDC_DEFAULT_ROLE" | "OIDC_BUTTON_LABEL"
>;

export function isOidcEnabled(env: TOidcEnv): boolean {
  return Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID);
}

/**
 * Single sign-on through any OpenID Connect provider. The identity provider is the authority on roles:
 * the role claim is mapped on every SSO sign-in, so a role changed there changes here at next sign-in.
 */
export function oidcPlugins(env: TOidcEnv, prisma: PrismaClient): BetterAuthPlugin[] {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID) return [];
  const roleSync = createOidcRoleSync(prisma, { fallbackRole: env.OIDC_DEFAULT_ROLE, claim: env.OIDC_ROLE_CLAIM });
  const sso = genericOAuth({
    config: [
      {
        providerId: OIDC_PROVIDER_ID,
        name: env.OIDC_BUTTON_LABEL,
        discoveryUrl: `${env.OIDC_ISSUER.replace(/\/+$/, "")}/.well-known/openid-configuration`,
        clientId: env.OIDC_CLIENT_ID,
        clientSecret: env.OIDC_CLIENT_SECRET,
        scopes: env.OIDC_SCOPES,
        pkce: true,
        // Roles come from token claims, so only accept ID tokens verified against the issuer's keys.
        requireIdTokenVerification: true,
        overrideUserInfo: true,
        mapProfileToUser(profile) {
          const email = typeof profile.email === "string" ? profile.email : "";
          if (email) roleSync.remember(email, mapOidcRole(profile[env.OIDC_ROLE_CLAIM], env.OIDC_DEFAULT_ROLE));
          const name = [profile.name, profile.preferred_username, email].find((v) => typeof v === "string" && v.trim());
          return { name: String(name ?? email) };
        },
      },
    ],
  });
  return [sso, roleSync.plugin];
}
