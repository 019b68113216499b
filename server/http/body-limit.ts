import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * The server's first word on every HTTP request (pages, route handlers, sign-in; socket.io has its own
 * maxHttpBufferSize): a body larger than `maxBytes` is refused from its headers alone, before any of it
 * is read. Returns true when it answered; the caller then leaves the request alone.
 *
 * A body without a Content-Length (Transfer-Encoding: chunked) is refused with 411 rather than counted
 * as it streams: counting would mean handing Next a substitute stream for every request, while no client
 * of this app sends one (browsers' fetch and forms, better-auth's client, and reverse proxies that
 * buffer requests all send a Content-Length). A Content-Length that lies cannot smuggle more: Node's
 * parser reads exactly that many bytes as the body.
 */
export function refuseOversizedBody(req: IncomingMessage, res: ServerResponse, maxBytes: number): boolean {
  if (req.headers["transfer-encoding"] !== undefined) {
    refuse(req, res, maxBytes, 411, "Send the request body with a Content-Length");
    return true;
  }
  const declared = req.headers["content-length"];
  if (declared !== undefined && Number(declared) > maxBytes) {
    refuse(req, res, maxBytes, 413, `The request body is too large (at most ${maxBytes} bytes)`);
    return true;
  }
  return false;
}

/**
 * Answers at once, then discards what the client keeps sending, up to `maxBytes` (never more than an
 * accepted request could have sent), and cuts the connection beyond that. Closing at once (Connection:
 * close) would be simpler, but a socket closed with unread bytes sends a TCP reset, and a reset that
 * arrives before the client read the answer makes it lose it: a browser would show "connection reset"
 * instead of "too large". Nothing discarded is buffered; a body drained to its end leaves the
 * connection usable (keep-alive).
 */
function refuse(req: IncomingMessage, res: ServerResponse, maxBytes: number, status: number, error: string): void {
  let discarded = 0;
  req.on("data", (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > maxBytes) req.socket.destroy();
  });
  req.resume();
  res.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store" });
  res.end(JSON.stringify({ error }));
}
