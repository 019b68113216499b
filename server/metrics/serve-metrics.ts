import type { IncomingMessage, ServerResponse } from "node:http";
import type { Registry } from "prom-client";
import { checkMetricsAccess } from "./metrics-access";

export const METRICS_PATH = "/metrics";

export function isMetricsRequest(req: IncomingMessage): boolean {
  return req.url === METRICS_PATH || req.url?.startsWith(`${METRICS_PATH}?`) === true;
}

/** GET /metrics in Prometheus' text format; refusals carry no body, so they say nothing about why. */
export function serveMetrics(req: IncomingMessage, res: ServerResponse, options: { registry: Registry; token?: string }): void {
  const access = checkMetricsAccess(req, options.token);
  if (access === "unauthorized") {
    res.writeHead(401, { "www-authenticate": 'Bearer realm="metrics"' }).end();
    return;
  }
  if (access === "forbidden") {
    res.writeHead(403).end();
    return;
  }
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { allow: "GET, HEAD" }).end();
    return;
  }
  options.registry.metrics().then(
    (text) => {
      res.writeHead(200, { "content-type": options.registry.contentType, "cache-control": "no-store" });
      res.end(req.method === "HEAD" ? undefined : text);
    },
    (error: unknown) => {
      console.error("[metrics] collecting failed:", error);
      res.writeHead(500).end();
    },
  );
}
