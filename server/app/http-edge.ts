import type { IncomingMessage, Server as HttpServer, ServerResponse } from "node:http";
import { refuseOversizedBody } from "@/server/http/body-limit";
import { stampClientIp } from "@/server/http/client-ip";

export type THandleRequest = (req: IncomingMessage, res: ServerResponse) => void;

export type THttpEdgeOptions = { maxRequestBodyBytes: number; trustProxy: boolean };

/**
 * The server's first word on every request, then the app's handler. Must be installed before socket.io
 * attaches: engine.io then keeps /socket.io/ requests to itself and passes the rest on to this listener.
 */
export function installHttpEdge(httpServer: HttpServer, handle: THandleRequest, options: THttpEdgeOptions): void {
  httpServer.on("request", (req: IncomingMessage, res: ServerResponse) => {
    // Before anything reads the body: a huge upload is refused from its headers.
    if (refuseOversizedBody(req, res, options.maxRequestBodyBytes)) return;
    stampClientIp(req, { trustProxy: options.trustProxy });
    handle(req, res);
  });
}
