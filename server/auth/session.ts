import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { HOME_BY_ROLE, type TCurrentUser, type TRole } from "@/lib/contracts/auth";
import { isDatabaseUnavailable } from "@/server/db/is-database-unavailable";
import { getRuntime } from "@/server/runtime-registry";
import { authenticateHeaders } from "./authenticate";

/**
 * Page guards for server components. Disabled users have no session (disabling revokes them), so
 * they read as signed out.
 */
async function getSessionUser(requestHeaders: Headers): Promise<TCurrentUser | null> {
  const runtime = getRuntime();
  if (!runtime) return null; // still starting: nothing is served as signed in before auth is wired
  return (await authenticateHeaders(runtime.auth, requestHeaders))?.user ?? null;
}

/**
 * The signed-in user of the current request, or null. While the database cannot be reached nobody can be
 * told signed in or out: the page says so and retries (/unavailable) instead of failing with a 500.
 */
export async function getCurrentUser(nextPath = "/"): Promise<TCurrentUser | null> {
  try {
    return await getSessionUser(await headers());
  } catch (error) {
    if (isDatabaseUnavailable(error)) redirect(`/unavailable?next=${encodeURIComponent(nextPath)}`);
    throw error;
  }
}

/**
 * Signed out → sign-in page (then back to nextPath); signed in with another role → that role's home, told
 * which page it may not open (`?denied=<path>`; the notice there names the page from the menu's labels).
 */
export async function requirePageRole(roles: readonly TRole[], nextPath: string): Promise<TCurrentUser> {
  const user = await getCurrentUser(nextPath);
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(nextPath)}`);
  if (!roles.includes(user.role)) redirect(`${HOME_BY_ROLE[user.role]}?denied=${encodeURIComponent(nextPath.split("?")[0])}`);
  return user;
}
