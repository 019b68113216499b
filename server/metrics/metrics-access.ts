import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { isIPv4 } from "node:net";
import { CLIENT_IP_HEADER } from "@/server/http/client-ip";

export type TMetricsAccess = "allowed" | "unauthorized" | "forbidden";

/** Headers a reverse proxy adds: a request carrying one was relayed, whatever address it arrived from. */
const PROXY_HEADERS = ["x-forwarded-for", "forwarded", "x-real-ip"];

/**
 * /metrics names topics, partitions, pool sizes and instance ids: never public. With METRICS_TOKEN set a
 * scraper must send it as a bearer token; without one only a scraper on this host may read it.
 * Expects the HTTP edge to have stamped the client IP (server/http/client-ip.ts).
 */
export function checkMetricsAccess(req: IncomingMessage, token: string | undefined): TMetricsAccess {
  if (token !== undefined) return hasBearerToken(req.headers.authorization, token) ? "allowed" : "unauthorized";
  // A proxy on this host connects from loopback on behalf of anyone: relayed requests are not local.
  const isRelayed = PROXY_HEADERS.some((name) => req.headers[name] !== undefined);
  const clientIp = req.headers[CLIENT_IP_HEADER];
  return !isRelayed && typeof clientIp === "string" && isLoopback(clientIp) ? "allowed" : "forbidden";
}

function hasBearerToken(authorization: string | undefined, token: string): boolean {
  const sent = /^Bearer +(\S+) *$/i.exec(authorization ?? "")?.[1];
  if (sent === undefined) return false;
  // Digests have equal lengths, so timingSafeEqual applies and neither the token nor its length leaks.
  return timingSafeEqual(sha256(sent), sha256(token));
}

const sha256 = (text: string) => createHash("sha256").update(text).digest();

function isLoopback(ip: string): boolean {
  const v4 = ip.startsWith("::ffff:") ? ip.slice("::ffff:".length) : ip;
  return ip === "::1" || (isIPv4(v4) && v4.startsWith("127."));
}
