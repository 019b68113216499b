import type { TCurrentUser } from "@/lib/contracts/auth";
import type { TAuditActor } from "@/server/audit/record-audit";

export function actorOf(user: TCurrentUser): NonNullable<TAuditActor> {
  return { id: user.id, email: user.email, role: user.role };
}

/** Only the session cookie of a request, to act as its user through better-auth's server API. */
export function cookieHeaders(request: Request): Headers {
  const headers = new Headers();
  const cookie = request.headers.get("cookie");
  if (cookie) headers.set("cookie", cookie);
  return headers;
}
