import type { IncomingMessage, Server as HttpServer, ServerResponse } from "node:http";
import type { Registry } from "prom-client";
import { refuseOversizedBody } from "@/server/http/body-limit";
import { stampClientIp } from "@/server/http/client-ip";
import { isMetricsRequest, serveMetrics } from "@/server/metrics/serve-metrics";

export type THandleRequest = (req: IncomingMessage, res: ServerResponse) => void;

export type THttpEdgeOptions = {
  maxRequestBodyBytes: number;
  trustProxy: boolean;
  /** METRICS_TOKEN: GET /metrics wants it as a bearer token; unset → only scrapers on this host. */
  metricsToken?: string;
};

/**
 * The server's first word on every request, then the app's handler. Must be installed before socket.io
 * attaches: engine.io then keeps /socket.io/ requests to itself and passes the rest on to this listener.
 */
export function installHttpEdge(httpServer: HttpServer, handle: THandleRequest, options: THttpEdgeOptions, metrics?: Registry): void {
  httpServer.on("request", (req: IncomingMessage, res: ServerResponse) => {
    // Before anything reads the body: a huge upload is refused from its headers.
    if (refuseOversizedBody(req, res, options.maxRequestBodyBytes)) return;
    stampClientIp(req, { trustProxy: options.trustProxy });
    // Here rather than a route: no session, no sign-in redirect, and the registry is this process's own.
    if (metrics && isMetricsRequest(req)) return serveMetrics(req, res, { registry: metrics, token: options.metricsToken });
    handle(req, res);
  });
}
