"use client";

import { useId, useRef, type KeyboardEvent, type ReactNode } from "react";
import { useOverdueUnitCount } from "@/components/units/use-overdue-unit-count";
import { SIDE_PANEL_TABS, type TSidePanelTab } from "./use-side-panel-tab";
import { Chip } from "@/components/ui/chip";
import { Tab, TabList } from "@/components/ui/tabs";
import { BottomSheet, SheetTitle } from "@/components/ui/bottom-sheet";
import styles from "./side-panel.module.css";

type TSidePanelProps = {
  tab: TSidePanelTab;
  onTabChange: (tab: TSidePanelTab) => void;
  /** Desktop: open unless closed. Phone: a bottom sheet, closed unless opened. */
  open: boolean | null;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  openAlertCount: number;
  /** Open incidents on the board, and how many of them have waited too long for a unit. */
  incidentCounts: { open: number; late: number };
  panels: Record<TSidePanelTab, ReactNode>;
};

const TAB_LABEL: Record<TSidePanelTab, string> = { alerts: "Alerts", incidents: "Incidents", units: "Units" };

function AlertCount({ count }: { count: number }) {
  return (
    <Chip appearance="count" tone={count > 0 ? "hot" : "neutral"} aria-label={`${count} unacknowledged`}>
      {count}
    </Chip>
  );
}

/** Open incidents; hot while any has waited too long with no unit. */
function IncidentCount({ open, late }: { open: number; late: number }) {
  const label = late > 0 ? `${open} open, ${late} without a unit too long` : `${open} open`;
  return (
    <Chip appearance="count" tone={late > 0 ? "hot" : "neutral"} aria-label={label} title={label} data-testid="incident-count">
      {open}
    </Chip>
  );
}

/** Units past their check-in: written out in the tab, a bare number in the (narrow) handle. */
function OverdueCount({ count, isShort = false }: { count: number; isShort?: boolean }) {
  if (count === 0) return null;
  return (
    <Chip appearance="count" tone="warm" aria-label={`${count} check-in overdue`} title={`${count} check-in overdue`}>
      {isShort ? count : `${count} overdue`}
    </Chip>
  );
}

/**
 * The control room's right-hand card (a bottom sheet on phones): the alert queue, the incident board and
 * the unit board as tabs. Arrow keys, Home and End move between the tabs (automatic activation).
 */
export function SidePanel({ tab, onTabChange, open, isOpen, onOpenChange, openAlertCount, incidentCounts, panels }: TSidePanelProps) {
  const idPrefix = useId();
  const overdueUnitCount = useOverdueUnitCount();
  const tabRefs = useRef<Partial<Record<TSidePanelTab, HTMLButtonElement | null>>>({});

  const onTabKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = SIDE_PANEL_TABS.indexOf(tab);
    const last = SIDE_PANEL_TABS.length - 1;
    const target =
      event.key === "ArrowRight"
        ? index === last
          ? 0
          : index + 1
        : event.key === "ArrowLeft"
          ? index === 0
            ? last
            : index - 1
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : null;
    if (target === null) return;
    event.preventDefault();
    const next = SIDE_PANEL_TABS[target]!;
    onTabChange(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <BottomSheet
      side="right"
      // ops-panel: the control room's phone rules (control-room.module.css) place this sheet beside the layers sheet by it.
      className="ops-panel"
      open={open}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      bodyId={`${idPrefix}-body`}
      aria-label="Alerts, incidents and units"
      data-testid="side-panel"
      handle={
        <>
          <SheetTitle>Alerts</SheetTitle>
          <AlertCount count={openAlertCount} />
          {/* The handle has a phone's width: incidents are counted on their tab inside the sheet. */}
          <SheetTitle className={styles.handleNext}>Units</SheetTitle>
          <OverdueCount count={overdueUnitCount} isShort />
        </>
      }
    >
      <TabList appearance="underline" size="sm" className={styles.tabs} aria-label="Side panel">
        {SIDE_PANEL_TABS.map((name) => (
          <Tab
            key={name}
            ref={(element) => {
              tabRefs.current[name] = element;
            }}
            id={`${idPrefix}-tab-${name}`}
            selected={tab === name}
            aria-controls={`${idPrefix}-panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            data-testid={`side-panel-tab-${name}`}
            onClick={() => onTabChange(name)}
            onKeyDown={onTabKeyDown}
          >
            {TAB_LABEL[name]}
            {name === "alerts" && <AlertCount count={openAlertCount} />}
            {name === "incidents" && <IncidentCount {...incidentCounts} />}
            {name === "units" && <OverdueCount count={overdueUnitCount} />}
          </Tab>
        ))}
      </TabList>
      {SIDE_PANEL_TABS.map((name) => (
        <div
          key={name}
          role="tabpanel"
          id={`${idPrefix}-panel-${name}`}
          aria-labelledby={`${idPrefix}-tab-${name}`}
          className={styles.tabpanel}
          hidden={tab !== name}
        >
          {panels[name]}
        </div>
      ))}
    </BottomSheet>
  );
}
