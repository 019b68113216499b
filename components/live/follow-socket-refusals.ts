import type { Socket } from "socket.io-client";
import { ZSocketRefusal, type TSocketRefusal } from "@/lib/contracts/socket-refusal";

/** What the shown status becomes when the server refuses the handshake. */
export type TRefusedStatus = "unavailable" | "signed-out";

/** Around the server's Retry-After (5 s), spread so a room of screens does not retry in step. */
const nextUnavailableRetryMs = () => 4_000 + Math.random() * 2_000;

/** The server's reason when it refused the handshake; null for transport errors (socket.io retries those itself). */
export function readSocketRefusal(error: Error): TSocketRefusal | null {
  const parsed = ZSocketRefusal.safeParse(error.message);
  return parsed.success ? parsed.data : null;
}

/**
 * socket.io does not retry a handshake the server refused. "unavailable" (the server cannot reach its
 * database to check the session) is retried here, with the same session, until it works; "unauthorized"
 * waits for the user to sign in again. Returns the clean-up.
 */
export function followSocketRefusals(
  socket: Pick<Socket, "on" | "off" | "connect">,
  setStatus: (status: TRefusedStatus) => void,
  retryDelayMs: () => number = nextUnavailableRetryMs,
): () => void {
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const onConnectError = (error: Error) => {
    const refusal = readSocketRefusal(error);
    if (refusal === "unauthorized") setStatus("signed-out");
    if (refusal !== "unavailable") return;
    setStatus("unavailable");
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => socket.connect(), retryDelayMs());
  };
  socket.on("connect_error", onConnectError);
  return () => {
    clearTimeout(retryTimer);
    socket.off("connect_error", onConnectError);
  };
}
