import { createAuthClient } from "better-auth/react";

/**
 * The browser's better-auth client (same origin, /api/auth/*). Only sign-in and
 * sign-out go through it; who is signed in comes from GET /api/me (ZCurrentUser),
 * and user administration from our own /api/admin routes.
 * Generic OAuth (SSO) providers are ordinary social providers in better-auth 1.7:
 * `signIn.social({ provider: providerId })`, no extra client plugin.
 */
export const authClient = createAuthClient();
