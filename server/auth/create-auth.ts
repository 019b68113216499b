import { betterAuth, type BetterAuthPlugin } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { admin } from "better-auth/plugins/admin";
import type { PrismaClient } from "@/server/db/generated/client";
import type { TServerEnv } from "@/server/env";
import { CLIENT_IP_HEADER } from "@/server/http/client-ip";
import { auditAuthEvents } from "./audit-auth-events";
import { oidcPlugins, type TOidcEnv } from "./oidc-plugins";
import { createMemoryRateLimitStorage } from "./rate-limit-storage";
import { ACCESS_CONTROL, ADMIN_PLUGIN_ROLES } from "./roles";
import { trustedOrigins } from "./trusted-origins";

export const AUTH_BASE_PATH = "/api/auth";
export const SESSION_COOKIE_PREFIX = "citynerve";
const PASSWORD_MIN_LENGTH = 12;
const PASSWORD_MAX_LENGTH = 128;

export type TAuthEnv = Pick<TServerEnv, "PUBLIC_URL" | "SESSION_MAX_AGE_HOURS" | "AUTH_SIGN_IN_MAX_PER_MINUTE"> &
  Partial<Pick<TServerEnv, "ALLOWED_ORIGINS">> &
  TOidcEnv & { BETTER_AUTH_SECRET: string };

type TCreateAuthOptions = { prisma: PrismaClient; env: TAuthEnv; plugins?: BetterAuthPlugin[] };

/**
 * better-auth on our PrismaClient: email + password without public sign-up (admins create users),
 * the admin plugin for roles and disabling, optional OIDC single sign-on, and audit hooks.
 */
export function createAuth({ prisma, env, plugins = [] }: TCreateAuthOptions) {
  const sessionSeconds = Math.round(env.SESSION_MAX_AGE_HOURS * 3600);
  return betterAuth({
    appName: "CityNerve",
    baseURL: env.PUBLIC_URL,
    basePath: AUTH_BASE_PATH,
    secret: env.BETTER_AUTH_SECRET,
    trustedOrigins: trustedOrigins(env.PUBLIC_URL, env.ALLOWED_ORIGINS),
    database: prismaAdapter(prisma, { provider: "postgresql", transaction: true }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
    },
    // One shift, then sign in again: activity does not extend a session.
    session: { expiresIn: sessionSeconds, disableSessionRefresh: true },
    rateLimit: {
      enabled: true,
      window: 60,
      max: 300,
      // Password guessing (and SSO starts) per client IP; everything else shares the generous default.
      customRules: { "/sign-in/*": { window: 60, max: env.AUTH_SIGN_IN_MAX_PER_MINUTE } },
      customStorage: createMemoryRateLimitStorage(),
    },
    advanced: {
      cookiePrefix: SESSION_COOKIE_PREFIX,
      // Secure exactly when browsers reach us over https (decided by PUBLIC_URL, not by NODE_ENV).
      useSecureCookies: env.PUBLIC_URL.startsWith("https://"),
      // better-auth skips its origin check under NODE_ENV=test; tests must see production behaviour.
      disableOriginCheck: false,
      disableCSRFCheck: false,
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    telemetry: { enabled: false },
    plugins: [
      admin({
        ac: ACCESS_CONTROL,
        roles: ADMIN_PLUGIN_ROLES,
        adminRoles: ["admin"],
        defaultRole: "operator",
        bannedUserMessage: "This account is disabled. Ask an administrator.",
      }),
      auditAuthEvents(prisma),
      ...oidcPlugins(env, prisma),
      ...plugins,
    ],
  });
}

export type TAuth = ReturnType<typeof createAuth>;
