"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef } from "react";

/** What the side drawer shows: one alert, one incident, or the phoned-in incident form. */
export type TDrawer = { kind: "alert"; id: string } | { kind: "incident"; id: string } | { kind: "new-incident" } | null;

/**
 * Marks history entries this page pushed for a drawer, so closing one goes back instead of piling up entries.
 * Our state objects never carry Next's own `__NA` mark: Next's patched push/replaceState then keeps
 * useSearchParams in step (and copies its router state in).
 */
const PUSHED = "citynerveDrawer";

export function drawerFromSearch(params: Pick<URLSearchParams, "get">): TDrawer {
  const alert = params.get("alert");
  if (alert) return { kind: "alert", id: alert };
  const incident = params.get("incident");
  if (incident) return { kind: "incident", id: incident };
  if (params.get("new") === "incident") return { kind: "new-incident" };
  return null;
}

/** The page's URL with this drawer (and unit) in its query, everything else kept. */
export function searchWithDrawer(search: string, drawer: TDrawer, unitId: string | null): string {
  const params = new URLSearchParams(search);
  for (const key of ["alert", "incident", "new", "unit"]) params.delete(key);
  if (drawer?.kind === "alert") params.set("alert", drawer.id);
  if (drawer?.kind === "incident") params.set("incident", drawer.id);
  if (drawer?.kind === "new-incident") params.set("new", "incident");
  if (unitId) params.set("unit", unitId);
  const query = params.toString();
  return query ? `?${query}` : window.location.pathname;
}

function isPushedEntry(): boolean {
  const state = window.history.state as Record<string, unknown> | null;
  return state?.[PUSHED] === true;
}

/**
 * The open drawer and the selected unit live in the URL (?alert=…, ?incident=…, ?new=incident, ?unit=…), so a
 * view can be shared and Back closes the drawer. Opening from the map pushes one history entry; switching to
 * another subject replaces it (Back always returns to the plain map); closing goes back over the entry this page
 * pushed, or drops the parameter when the page was opened on it. Focus returns to what opened the drawer.
 */
export function useDrawerUrl() {
  const params = useSearchParams();
  const drawer = useMemo(() => drawerFromSearch(params), [params]);
  const unitId = params.get("unit");
  const opener = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(drawer !== null);

  const setDrawer = useCallback((next: TDrawer) => {
    const current = drawerFromSearch(new URLSearchParams(window.location.search));
    const url = searchWithDrawer(window.location.search, next, new URLSearchParams(window.location.search).get("unit"));
    if (next === null) {
      if (current === null) return;
      if (isPushedEntry()) window.history.back();
      else window.history.replaceState(null, "", url);
      return;
    }
    if (current === null) {
      const active = document.activeElement;
      opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
      window.history.pushState({ [PUSHED]: true }, "", url);
    } else {
      window.history.replaceState({ [PUSHED]: isPushedEntry() }, "", url);
    }
  }, []);

  const setUnitId = useCallback((next: string | null) => {
    const current = new URLSearchParams(window.location.search);
    const url = searchWithDrawer(window.location.search, drawerFromSearch(current), next);
    window.history.replaceState({ [PUSHED]: isPushedEntry() }, "", url);
  }, []);

  // Closed by any means (✕, Escape, Back): focus goes back to the row or button that opened it, if still there.
  useEffect(() => {
    const isOpen = drawer !== null;
    if (wasOpen.current && !isOpen && opener.current?.isConnected) opener.current.focus();
    if (!isOpen) opener.current = null;
    wasOpen.current = isOpen;
  }, [drawer]);

  return { drawer, setDrawer, unitId, setUnitId };
}
