import type { ManagerOptions } from "socket.io-client";

/**
 * WebSocket first: one connection that stays on the instance it reached, so a round-robin load balancer
 * without sticky sessions works. Long-polling (a request per message, each possibly to another instance)
 * only where a WebSocket cannot get through at all; that needs sticky sessions (README, several instances).
 */
export const SOCKET_TRANSPORTS: Pick<ManagerOptions, "transports" | "tryAllTransports"> = {
  transports: ["websocket", "polling"],
  tryAllTransports: true,
};
