"use client";

import { useCallback, useSyncExternalStore } from "react";

export const SIDE_PANEL_TABS = ["alerts", "incidents", "units"] as const;
export type TSidePanelTab = (typeof SIDE_PANEL_TABS)[number];

const STORAGE_KEY = "citynerve.sidePanel.tab";
const listeners = new Set<() => void>();
/** This page's choice, for when storage is blocked (private mode, policy). */
let unsaved: TSidePanelTab | null = null;

function isTab(value: unknown): value is TSidePanelTab {
  return SIDE_PANEL_TABS.includes(value as TSidePanelTab);
}

function read(): TSidePanelTab {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isTab(stored)) return stored;
  } catch {
    // Storage blocked: fall through to this page's choice.
  }
  return unsaved ?? "alerts";
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The side panel's open tab, remembered per browser (like the alert sound choice). */
export function useSidePanelTab(): [TSidePanelTab, (tab: TSidePanelTab) => void] {
  const tab = useSyncExternalStore(subscribe, read, () => "alerts" as const);
  const setTab = useCallback((next: TSidePanelTab) => {
    unsaved = next;
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered; the choice still applies now.
    }
    for (const listener of listeners) listener();
  }, []);
  return [tab, setTab];
}
