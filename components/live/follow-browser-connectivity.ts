import type { Socket } from "socket.io-client";

type TConnectivityStatus = "live" | "reconnecting" | "offline";

/**
 * Ties a socket's shown status to the browser's own connectivity: "offline" as soon as the browser says
 * so, and back in coverage a reconnect now rather than after socket.io's current backoff delay (the
 * socket may also have survived a short blip). Returns the clean-up.
 */
export function followBrowserConnectivity(
  socket: Pick<Socket, "connected" | "connect">,
  setStatus: (status: TConnectivityStatus) => void,
): () => void {
  const onOffline = () => setStatus("offline");
  const onOnline = () => {
    if (socket.connected) {
      setStatus("live");
      return;
    }
    setStatus("reconnecting");
    socket.connect();
  };
  window.addEventListener("offline", onOffline);
  window.addEventListener("online", onOnline);
  if (!navigator.onLine) setStatus("offline");
  return () => {
    window.removeEventListener("offline", onOffline);
    window.removeEventListener("online", onOnline);
  };
}
