import type { Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import type { TLayer } from "@/lib/contracts/layers";
import {
  ZSubscribeRequest,
  type TClientToServerEvents,
  type TIngestStats,
  type TServerToClientEvents,
} from "@/lib/contracts/realtime";
import type { CityState } from "@/server/city/city-state";
import { DeltaCoalescer } from "./delta-coalescer";

const STATS_EVERY_MS = 1000;

type TClient = {
  socket: Socket<TClientToServerEvents, TServerToClientEvents>;
  layers: Set<TLayer>;
  /** Changes this client has not been sent yet because it was still busy receiving earlier ones. */
  backlog: DeltaCoalescer;
};

export type TRealtimeHubOptions = {
  cityState: CityState;
  readStats: () => TIngestStats;
  flushMs: number;
  /** Whether a client is still busy with earlier data; defaults to engine.io's write buffer. */
  isBusy?: (socket: Socket) => boolean;
};

export type TRealtimeHub = {
  io: Server<TClientToServerEvents, TServerToClientEvents>;
  clientCount(): number;
  close(): Promise<void>;
};

/**
 * Pushes the live city to browsers. Each client subscribes to layers, gets a
 * snapshot, then coalesced deltas every flushMs (only changed entities, latest
 * value wins). A client whose connection is still busy with earlier data is
 * skipped and its changes keep coalescing, so one slow client never holds the
 * others back and its memory stays bounded by the number of entities.
 */
export function createRealtimeHub(httpServer: HttpServer, options: TRealtimeHubOptions): TRealtimeHub {
  const io = new Server<TClientToServerEvents, TServerToClientEvents>(httpServer, {
    serveClient: false,
    // Snapshots of the whole traffic layer are a few hundred KB.
    maxHttpBufferSize: 1e6,
    perMessageDeflate: false,
  });
  const clients = new Map<string, TClient>();
  const tick = new DeltaCoalescer();
  let seq = 0;
  const isBusy = options.isBusy ?? hasQueuedPackets;

  const unsubscribe = options.cityState.onChange((layer, event) => tick.add(layer, event));

  io.on("connection", (socket) => {
    const client: TClient = { socket, layers: new Set(), backlog: new DeltaCoalescer() };
    clients.set(socket.id, client);
    socket.emit("ingest:stats", options.readStats());

    socket.on("city:subscribe", (request, ack) => {
      if (typeof ack !== "function") return;
      const parsed = ZSubscribeRequest.safeParse(request);
      if (!parsed.success) {
        ack({ ok: false, error: parsed.error.issues.map((i) => i.message).join("; ") });
        return;
      }
      client.layers = new Set(parsed.data.layers);
      client.backlog.clear(); // the snapshot supersedes anything pending
      ack({ ok: true, data: { seq, at: new Date().toISOString(), layers: options.cityState.snapshot([...client.layers]) } });
    });

    socket.on("disconnect", () => clients.delete(socket.id));
  });

  const flush = () => {
    const changes = tick.drain();
    if (!changes) return;
    seq++;
    for (const client of clients.values()) {
      if (client.layers.size === 0) continue;
      for (const layer of client.layers) for (const event of changes[layer] ?? []) client.backlog.add(layer, event);
      if (isBusy(client.socket)) continue;
      const layers = client.backlog.drain();
      if (layers) client.socket.emit("city:delta", { seq, layers });
    }
  };

  const flushTimer = setInterval(flush, options.flushMs);
  const statsTimer = setInterval(() => io.volatile.emit("ingest:stats", options.readStats()), STATS_EVERY_MS);

  return {
    io,
    clientCount: () => clients.size,
    async close() {
      clearInterval(flushTimer);
      clearInterval(statsTimer);
      unsubscribe();
      // io.close() would also close the shared HTTP server, which the caller owns.
      io.disconnectSockets(true);
      io.engine.close();
    },
  };
}

/** Still has packets queued from earlier flushes (slow network, or a polling client between polls). */
function hasQueuedPackets(socket: Socket): boolean {
  // engine.io keeps unsent packets in writeBuffer; it is not in its public typings.
  return (socket.conn as unknown as { writeBuffer: unknown[] }).writeBuffer.length > 0;
}
