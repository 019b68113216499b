"use client";

import { SOCKET_TRANSPORTS } from "./socket-transports";
import { useCallback, useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { TLayer } from "@/lib/contracts/layers";
import type { TClientToServerEvents, TIngestStats, TServerToClientEvents } from "@/lib/contracts/realtime";
import { followBrowserConnectivity } from "./follow-browser-connectivity";
import { followSocketRefusals, readSocketRefusal } from "./follow-socket-refusals";
import type { LiveCityStore } from "./live-city-store";
import { markFirstRender } from "@/components/map/first-render-marks";

/**
 * Alert, incident and unit records pushed to operator and supervisor sockets. Payloads are
 * parsed by the receiver (types are not validation); `onResync` fires after a reconnect,
 * when records sent while disconnected were missed.
 */
export type TRecordFeed = {
  onAlertUpsert: (payload: unknown) => void;
  onIncidentUpsert: (payload: unknown) => void;
  onUnitUpsert: (payload: unknown) => void;
  onCapWarnings: (payload: unknown) => void;
  /** An admin changed the zones: names and outlines are read again. */
  onZonesChanged: () => void;
  onResync: () => void;
};

/** "unavailable": the server is up but cannot reach its database (retrying); "signed-out": the session is gone. */
export type TConnectionStatus = "connecting" | "live" | "reconnecting" | "offline" | "unavailable" | "signed-out";

type TCitySocket = Socket<TServerToClientEvents, TClientToServerEvents>;

/** After this many failed attempts in a row the badge says offline (the user can retry). */
const RECONNECT_ATTEMPTS = 12;
const RECONNECT_DELAY_MAX_MS = 5_000;
const SUBSCRIBE_TIMEOUT_MS = 10_000;
const SUBSCRIBE_RETRY_MS = 2_000;
/** Coalesces quick successive toggles into one re-subscription. */
const RESUBSCRIBE_DEBOUNCE_MS = 150;

type TCitySocketState = {
  status: TConnectionStatus;
  stats: TIngestStats | null;
  /** Reconnect now (after going offline). */
  retry: () => void;
};

const NO_DOMAINS: readonly string[] = [];
const subscriptionKey = (layers: readonly string[], domains: readonly string[]) => `${layers.join(",")}|${domains.join(",")}`;

/**
 * One socket.io connection to the same origin. On every (re)connect it subscribes
 * to the visible layers and replaces the store from the snapshot in the ack, so a
 * reconnect can never leave stale entities behind.
 */
export function useCitySocket(
  store: LiveCityStore,
  layers: readonly TLayer[],
  feed?: TRecordFeed,
  enabled = true,
  /** Declared domains shown on the map (lib/domains/definitions). */
  domains: readonly string[] = NO_DOMAINS,
): TCitySocketState {
  const [status, setStatus] = useState<TConnectionStatus>("connecting");
  const [stats, setStats] = useState<TIngestStats | null>(null);
  const socketRef = useRef<TCitySocket | null>(null);
  const layersRef = useRef(layers);
  const domainsRef = useRef(domains);
  const feedRef = useRef(feed);
  const subscribedKeyRef = useRef<string | null>(null);
  const subscribeRef = useRef<() => void>(() => {});

  // Declared first so the effects below always see the current layer set.
  useEffect(() => {
    layersRef.current = layers;
    domainsRef.current = domains;
    feedRef.current = feed;
  });

  useEffect(() => {
    if (!enabled) return;
    const socket: TCitySocket = io({
      ...SOCKET_TRANSPORTS,
      reconnectionAttempts: RECONNECT_ATTEMPTS,
      reconnectionDelayMax: RECONNECT_DELAY_MAX_MS,
    });
    socketRef.current = socket;
    let requestId = 0;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;

    const subscribe = () => {
      clearTimeout(retryTimer);
      const id = ++requestId;
      subscribedKeyRef.current = subscriptionKey(layersRef.current, domainsRef.current);
      const request = { layers: [...layersRef.current], ...(domainsRef.current.length > 0 ? { domains: [...domainsRef.current] } : {}) };
      socket.timeout(SUBSCRIBE_TIMEOUT_MS).emit("city:subscribe", request, (error, response) => {
        // Only the newest request's answer describes the current layer set.
        if (id !== requestId || !socket.connected) return;
        if (error || !response.ok) {
          console.warn("[city socket] subscribe failed:", error?.message ?? (response.ok ? "" : response.error));
          retryTimer = setTimeout(subscribe, SUBSCRIBE_RETRY_MS);
          return;
        }
        store.applySnapshot(response.data);
        markFirstRender("first-snapshot");
        setStatus("live");
      });
    };
    subscribeRef.current = subscribe;

    let hasConnected = false;
    socket.on("connect", () => {
      markFirstRender("socket-connected");
      if (hasConnected) feedRef.current?.onResync();
      hasConnected = true;
      subscribe();
    });
    socket.on("alert:upsert", (alert) => feedRef.current?.onAlertUpsert(alert));
    socket.on("incident:upsert", (incident) => feedRef.current?.onIncidentUpsert(incident));
    socket.on("unit:upsert", (unit) => feedRef.current?.onUnitUpsert(unit));
    socket.on("cap:warnings", (list) => feedRef.current?.onCapWarnings(list));
    socket.on("zones:changed", () => feedRef.current?.onZonesChanged());
    socket.on("disconnect", (reason) => {
      setStatus(navigator.onLine ? "reconnecting" : "offline");
      // The server hung up on purpose: socket.io will not retry by itself.
      if (reason === "io server disconnect") socket.connect();
    });
    socket.on("connect_error", (error) => {
      if (!socket.active && !readSocketRefusal(error)) setStatus("offline");
    });
    const stopFollowingRefusals = followSocketRefusals(socket, setStatus);
    socket.io.on("reconnect_attempt", () => setStatus(navigator.onLine ? "reconnecting" : "offline"));
    socket.io.on("reconnect_failed", () => setStatus("offline"));
    socket.on("city:snapshot", (snapshot) => store.applySnapshot(snapshot));
    socket.on("city:delta", (delta) => store.applyDelta(delta));
    socket.on("ingest:stats", setStats);

    const stopFollowing = followBrowserConnectivity(socket, setStatus);

    return () => {
      clearTimeout(retryTimer);
      stopFollowing();
      stopFollowingRefusals();
      socket.removeAllListeners();
      socket.io.removeAllListeners();
      socket.disconnect();
      socketRef.current = null;
      subscribeRef.current = () => {};
    };
  }, [store, enabled]);

  const layersKey = subscriptionKey(layers, domains);
  useEffect(() => {
    const timer = setTimeout(() => {
      if (socketRef.current?.connected && subscribedKeyRef.current !== layersKey) subscribeRef.current();
    }, RESUBSCRIBE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [layersKey]);

  const retry = useCallback(() => {
    const socket = socketRef.current;
    if (!socket || socket.connected) return;
    setStatus("connecting");
    socket.connect();
  }, []);

  return { status, stats, retry };
}
