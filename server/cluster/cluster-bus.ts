import { type TClusterNotice, type TClusterNoticeType, type TServerSideEvents, ZClusterNotice } from "./cluster-notice";

export type TClusterBus = {
  /** Tells every other instance (not this one: the sender acts on its own change itself). */
  broadcast(notice: TClusterNotice): void;
  /** Runs `handler` for each notice of this type another instance sends; returns the unsubscribe. */
  onNotice<T extends TClusterNoticeType>(type: T, handler: (notice: Extract<TClusterNotice, { type: T }>) => void): () => void;
};

/**
 * Server-to-server notices over socket.io's adapter (`serverSideEmit`): the Redis streams adapter sends
 * them by Redis pub/sub on the connections it already holds, and never back to the sender. Fire and
 * forget: a notice sent while Redis is down is lost. Without an adapter (one process) there is nobody
 * to tell, and socket.io's in-memory adapter would throw, so broadcast does nothing.
 */
/** The part of the hub's socket.io Server the bus uses. */
type TServerSideChannel = {
  serverSideEmit(event: "cluster:notice", ...args: Parameters<TServerSideEvents["cluster:notice"]>): boolean;
  on(event: "cluster:notice", listener: TServerSideEvents["cluster:notice"]): unknown;
  off(event: "cluster:notice", listener: TServerSideEvents["cluster:notice"]): unknown;
};

export function createClusterBus(io: TServerSideChannel, clustered: boolean): TClusterBus {
  return {
    broadcast(notice) {
      if (!clustered) return;
      io.serverSideEmit("cluster:notice", ZClusterNotice.parse(notice));
    },
    onNotice(type, handler) {
      const listener = (raw: TClusterNotice) => {
        const parsed = ZClusterNotice.safeParse(raw);
        if (!parsed.success) return console.warn("[cluster] ignored a notice this version does not know:", raw);
        if (parsed.data.type === type) handler(parsed.data as Extract<TClusterNotice, { type: typeof type }>);
      };
      io.on("cluster:notice", listener);
      return () => io.off("cluster:notice", listener);
    },
  };
}
