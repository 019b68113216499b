"use client";

import { useRef, type KeyboardEvent } from "react";
import { ANALYSIS_MODES, type TAnalysisMode } from "./analysis-params";
import { Tab, TabList } from "@/components/ui/tabs";
import styles from "./analysis-tabs.module.css";

const TAB_LABEL: Record<TAnalysisMode, string> = { hotspots: "Hotspots", playback: "Playback" };

export const tabIdOf = (mode: TAnalysisMode) => `analysis-tab-${mode}`;
export const ANALYSIS_TABPANEL_ID = "analysis-tabpanel";

/** Hotspots | Playback, as ARIA tabs: arrow keys move between them. */
export function AnalysisTabs({ mode, onChange }: { mode: TAnalysisMode; onChange: (mode: TAnalysisMode) => void }) {
  const refs = useRef<Partial<Record<TAnalysisMode, HTMLButtonElement | null>>>({});
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    event.preventDefault();
    const next =
      ANALYSIS_MODES[
        (ANALYSIS_MODES.indexOf(mode) + (event.key === "ArrowRight" ? 1 : -1) + ANALYSIS_MODES.length) % ANALYSIS_MODES.length
      ];
    onChange(next);
    refs.current[next]?.focus();
  };
  return (
    <TabList appearance="segmented" className={styles.tabs} aria-label="Analysis" onKeyDown={onKeyDown}>
      {ANALYSIS_MODES.map((m) => (
        <Tab
          key={m}
          ref={(el) => {
            refs.current[m] = el;
          }}
          id={tabIdOf(m)}
          selected={mode === m}
          aria-controls={ANALYSIS_TABPANEL_ID}
          tabIndex={mode === m ? 0 : -1}
          data-testid={`${m}-tab`}
          onClick={() => onChange(m)}
        >
          {TAB_LABEL[m]}
        </Tab>
      ))}
    </TabList>
  );
}
