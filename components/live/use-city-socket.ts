"use client";

import { SOCKET_TRANSPORTS } from "./socket-transports";
import { useCallback, useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { TLayer } from "@/lib/contracts/layers";
import type {
  TCitySnapshot,
  TClientToServerEvents,
  TColumnarSnapshot,
  TIngestStats,
  TServerToClientEvents,
  TSubscribeRequest,
} from "@/lib/contracts/realtime";
import type { TBbox } from "@/lib/live/tiles";
import type { TViewportSource } from "@/components/map/map-viewport-source";
import { isColumnarSnapshot } from "@/lib/wire/columnar-snapshot";
import type { TEntitySlots } from "@/lib/wire/entity-slots";
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
/** A map that moves and stops again within this is one viewport change. */
const VIEWPORT_DEBOUNCE_MS = 200;

type TCitySocketState = {
  status: TConnectionStatus;
  stats: TIngestStats | null;
  /** Reconnect now (after going offline). */
  retry: () => void;
};

const NO_DOMAINS: readonly string[] = [];
const NO_VIEWPORT: TViewportSource = { read: () => null, subscribe: () => () => {} };
const subscriptionKey = (layers: readonly string[], domains: readonly string[]) => `${layers.join(",")}|${domains.join(",")}`;
/** What a subscription asks for, including how deltas are sent: a change re-subscribes (resuming, same layers). */
const wireKey = (key: string, slots: TEntitySlots | null) => `${key}|${slots?.fingerprint ?? "json"}`;

/**
 * One socket.io connection to the same origin. On every (re)connect it subscribes to the visible layers for the
 * map's viewport and applies the snapshot in the ack: a whole one replaces the store, so a reconnect can never
 * leave stale entities behind; after a short drop on the same server it asks only for what changed since the last
 * delta (a busy tab that lost its socket does not reload the whole city each time). When the map moves it tells
 * the server, which answers with what the new view adds.
 */
export function useCitySocket(
  store: LiveCityStore,
  layers: readonly TLayer[],
  feed?: TRecordFeed,
  enabled = true,
  /** Declared domains shown on the map (lib/domains/definitions). */
  domains: readonly string[] = NO_DOMAINS,
  /** The map's visible area; absent → the whole city. */
  viewport: TViewportSource = NO_VIEWPORT,
  /** The pack's entity slots once it is loaded: deltas then come as columns (lib/wire/columnar-delta.ts). */
  slots: TEntitySlots | null = null,
): TCitySocketState {
  const [status, setStatus] = useState<TConnectionStatus>("connecting");
  const [stats, setStats] = useState<TIngestStats | null>(null);
  const socketRef = useRef<TCitySocket | null>(null);
  const layersRef = useRef(layers);
  const domainsRef = useRef(domains);
  const feedRef = useRef(feed);
  const subscribedKeyRef = useRef<string | null>(null);
  const subscribeRef = useRef<() => void>(() => {});
  const viewportRef = useRef(viewport);
  const slotsRef = useRef(slots);
  const isSubscribingRef = useRef(false);
  /** The layers and domains of the snapshot the store holds: a resume is only for the same ones. */
  const heldKeyRef = useRef<string | null>(null);
  /** The viewport the server last placed this client by, and whether it answered "the whole city" to one. */
  const sentViewportRef = useRef<string | null>(null);
  const wholeCityRef = useRef(false);
  const sendViewportRef = useRef<() => void>(() => {});

  // Declared first so the effects below always see the current layer set.
  useEffect(() => {
    layersRef.current = layers;
    domainsRef.current = domains;
    feedRef.current = feed;
    viewportRef.current = viewport;
    slotsRef.current = slots;
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
    // Viewport answers are relative to the view before them, so they never cross a subscription: none is sent while
    // a subscription is on its way, and a subscription does not resume while one is.
    let subscribing = false;
    isSubscribingRef.current = false;
    let viewportsPending = 0;
    /** The slots the current subscription named: its snapshots and viewport answers come as columns of them. */
    let subscribedSlots: TEntitySlots | null = null;

    /** Applies a snapshot in the form it came in; false (nothing applied) when its columns could not be read. */
    const applyAnswer = (snapshot: TCitySnapshot | TColumnarSnapshot): boolean => {
      if (!isColumnarSnapshot(snapshot)) {
        store.applySnapshot(snapshot);
        return true;
      }
      try {
        if (!subscribedSlots) throw new Error("columns to a subscription that named no pack");
        store.applyColumnarSnapshot(snapshot, subscribedSlots);
        return true;
      } catch (error) {
        console.warn("[city socket] columnar snapshot not applied:", error instanceof Error ? error.message : error);
        return false;
      }
    };

    /** Notes what the server placed this client by, so moves are sent only when they can change the view. */
    const placedBy = (viewport: TBbox | null, snapshot: Pick<TCitySnapshot, "view">) => {
      sentViewportRef.current = viewport?.join(",") ?? null;
      wholeCityRef.current = viewport !== null && snapshot.view?.mode === "city";
    };

    const subscribe = () => {
      clearTimeout(retryTimer);
      const id = ++requestId;
      const key = subscriptionKey(layersRef.current, domainsRef.current);
      const slots = slotsRef.current;
      subscribedKeyRef.current = wireKey(key, slots);
      const viewport = viewportRef.current.read();
      const resume = heldKeyRef.current === key && viewportsPending === 0 ? store.resumeRequest() : null;
      const request: TSubscribeRequest = {
        layers: [...layersRef.current],
        ...(domainsRef.current.length > 0 ? { domains: [...domainsRef.current] } : {}),
        ...(viewport ? { viewport: { bbox: viewport } } : {}),
        ...(resume ? { resume } : {}),
        ...(slots ? { columns: slots.fingerprint, columnarSnapshots: true } : {}),
      };
      subscribedSlots = slots;
      subscribing = isSubscribingRef.current = true;
      socket.timeout(SUBSCRIBE_TIMEOUT_MS).emit("city:subscribe", request, (error, response) => {
        // Only the newest request's answer describes the current layer set.
        if (id !== requestId || !socket.connected) return;
        subscribing = isSubscribingRef.current = false;
        if (error || !response.ok) {
          console.warn("[city socket] subscribe failed:", error?.message ?? (response.ok ? "" : response.error));
          retryTimer = setTimeout(subscribe, SUBSCRIBE_RETRY_MS);
          return;
        }
        if (!applyAnswer(response.data)) {
          retryTimer = setTimeout(subscribe, SUBSCRIBE_RETRY_MS);
          return;
        }
        heldKeyRef.current = key;
        placedBy(viewport, response.data);
        markFirstRender("first-snapshot");
        setStatus("live");
        // The pack was indexed while the answer was on its way: now switch to columns, resuming from it.
        if (wireKey(key, slotsRef.current) !== subscribedKeyRef.current) return subscribe();
        // The map may have moved while the answer was on its way.
        sendViewportRef.current();
      });
    };
    subscribeRef.current = subscribe;

    const sendViewport = () => {
      const viewport = viewportRef.current.read();
      if (!viewport || !socket.connected || subscribing || heldKeyRef.current === null || wholeCityRef.current) return;
      if (sentViewportRef.current === viewport.join(",")) return;
      sentViewportRef.current = viewport.join(",");
      viewportsPending++;
      // Every answer is applied, in order: each is what the new view adds to the one before it.
      socket.emit("city:viewport", { bbox: viewport }, (response) => {
        viewportsPending = Math.max(0, viewportsPending - 1);
        if (socketRef.current !== socket || !socket.connected) return;
        if (!response.ok) {
          console.warn("[city socket] viewport refused:", response.error);
          return;
        }
        // Nothing of it was applied: a resuming subscription brings the tiles the store lacks.
        if (!applyAnswer(response.data)) return subscribe();
        placedBy(viewport, response.data);
      });
    };
    sendViewportRef.current = sendViewport;

    let hasConnected = false;
    socket.on("connect", () => {
      markFirstRender("socket-connected");
      viewportsPending = 0; // answers to the previous connection's requests never come
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
    socket.on("city:columns", (delta) => {
      try {
        const slots = slotsRef.current;
        if (!slots) throw new Error("columns before the pack was indexed");
        store.applyColumns(delta, slots);
      } catch (error) {
        // Nothing of it was applied: a resuming subscription brings what it carried (and what followed).
        console.warn("[city socket] columnar delta not applied:", error instanceof Error ? error.message : error);
        subscribe();
      }
    });
    socket.on("city:summaries", (summaries) => store.applySummaries(summaries));
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
      sendViewportRef.current = () => {};
    };
  }, [store, enabled]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const moved = () => {
      clearTimeout(timer);
      timer = setTimeout(() => sendViewportRef.current(), VIEWPORT_DEBOUNCE_MS);
    };
    moved(); // a new source (the map just appeared) may already show another area than the city's bounds
    const unsubscribe = viewport.subscribe(moved);
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [viewport]);

  const heldLayersKey = subscriptionKey(layers, domains);
  const layersKey = wireKey(heldLayersKey, slots);
  useEffect(() => {
    const timer = setTimeout(() => {
      if (!socketRef.current?.connected || subscribedKeyRef.current === layersKey) return;
      // Only the delta format changed while a snapshot is on its way: keep that answer (a metro's is large) and
      // switch after it, resuming; a new layer set supersedes the request at once.
      if (isSubscribingRef.current && subscribedKeyRef.current?.startsWith(`${heldLayersKey}|`)) return;
      subscribeRef.current();
    }, RESUBSCRIBE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [layersKey, heldLayersKey]);

  const retry = useCallback(() => {
    const socket = socketRef.current;
    if (!socket || socket.connected) return;
    setStatus("connecting");
    socket.connect();
  }, []);

  return { status, stats, retry };
}
