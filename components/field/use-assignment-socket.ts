"use client";

import { SOCKET_TRANSPORTS } from "@/components/live/socket-transports";
import { useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { TClientToServerEvents, TServerToClientEvents } from "@/lib/contracts/realtime";
import type { TAssignmentNotice } from "@/lib/contracts/units";
import { followBrowserConnectivity } from "@/components/live/follow-browser-connectivity";
import { followSocketRefusals, readSocketRefusal } from "@/components/live/follow-socket-refusals";
import type { TConnectionStatus } from "@/components/live/use-city-socket";

export type TFieldConnection = TConnectionStatus;

const RECONNECT_DELAY_MAX_MS = 5_000;

type TAssignmentFeed = {
  onAssignmentChanged: (notice: TAssignmentNotice) => void;
  /** After a reconnect: notices sent while disconnected were missed. */
  onResync: () => void;
};

/**
 * The crew's socket: same origin, the session cookie authenticates it. Field users only listen (the
 * server sends "assignment:changed" to their user room); they never subscribe to the city. socket.io
 * reconnects by itself, without a limit: a phone may be out of coverage for a long time.
 */
export function useAssignmentSocket(feed: TAssignmentFeed): TFieldConnection {
  const [status, setStatus] = useState<TFieldConnection>("connecting");
  const feedRef = useRef(feed);
  useEffect(() => {
    feedRef.current = feed;
  });

  useEffect(() => {
    const socket: Socket<TServerToClientEvents, TClientToServerEvents> = io({
      ...SOCKET_TRANSPORTS,
      reconnectionDelayMax: RECONNECT_DELAY_MAX_MS,
    });
    let hasConnected = false;
    const lostStatus = (): TFieldConnection => (navigator.onLine ? "reconnecting" : "offline");

    socket.on("connect", () => {
      if (hasConnected) feedRef.current.onResync();
      hasConnected = true;
      setStatus("live");
    });
    socket.on("assignment:changed", (notice) => feedRef.current.onAssignmentChanged(notice));
    socket.on("disconnect", (reason) => {
      setStatus(lostStatus());
      // The server hung up on purpose: socket.io will not retry by itself.
      if (reason === "io server disconnect") socket.connect();
    });
    socket.on("connect_error", (error) => {
      if (!readSocketRefusal(error)) setStatus(lostStatus());
    });

    const stopFollowing = followBrowserConnectivity(socket, setStatus);
    const stopFollowingRefusals = followSocketRefusals(socket, setStatus);

    return () => {
      stopFollowing();
      stopFollowingRefusals();
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, []);

  return status;
}
