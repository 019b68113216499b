import type { IncomingMessage } from "node:http";

/**
 * The client's IP as this server saw it. server.ts overwrites whatever a client sent under this name,
 * so rate limiting and the audit log can trust it (X-Forwarded-For can be forged by anyone).
 */
export const CLIENT_IP_HEADER = "x-citynerve-client-ip";

/** Sets CLIENT_IP_HEADER on an incoming request, replacing any client-supplied value. */
export function stampClientIp(req: IncomingMessage, { trustProxy }: { trustProxy: boolean }): void {
  req.headers[CLIENT_IP_HEADER] = resolveClientIp(req, trustProxy) ?? "";
}

function resolveClientIp(req: IncomingMessage, trustProxy: boolean): string | undefined {
  if (trustProxy) {
    // The proxy appends the address it saw; anything left of it came from the client and proves nothing.
    const forwarded = req.headers["x-forwarded-for"];
    const hops = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? ""))
      .split(",")
      .map((h) => h.trim())
      .filter(Boolean);
    if (hops.length > 0) return hops[hops.length - 1];
  }
  return req.socket.remoteAddress;
}

export function readClientIp(headers: Headers): string | null {
  return headers.get(CLIENT_IP_HEADER) || null;
}
