import type { TCurrentUser } from "@/lib/contracts/auth";
import type { TAuth } from "./create-auth";
import { toCurrentUser } from "./current-user";

type TAuthenticated = { user: TCurrentUser; sessionId: string; expiresAt: Date };

/**
 * The signed-in user behind a request's session cookie, or null. Always read from the database
 * (no cookie cache), so a disabled user or a revoked session loses access on the next request.
 */
export async function authenticateHeaders(auth: TAuth, headers: Headers): Promise<TAuthenticated | null> {
  const result = await auth.api.getSession({ headers, query: { disableCookieCache: true } });
  if (!result) return null;
  const user = toCurrentUser(result.user);
  return user ? { user, sessionId: result.session.id, expiresAt: new Date(result.session.expiresAt) } : null;
}
