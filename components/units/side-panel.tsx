"use client";

import { useId, useRef, type KeyboardEvent, type ReactNode } from "react";
import { useOverdueUnitCount } from "./use-overdue-unit-count";
import { SIDE_PANEL_TABS, type TSidePanelTab } from "./use-side-panel-tab";

type TSidePanelProps = {
  tab: TSidePanelTab;
  onTabChange: (tab: TSidePanelTab) => void;
  /** Desktop: open unless closed. Phone: a bottom sheet, closed unless opened. */
  open: boolean | null;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  openAlertCount: number;
  alerts: ReactNode;
  units: ReactNode;
};

const TAB_LABEL: Record<TSidePanelTab, string> = { alerts: "Alerts", units: "Units" };

function Chevron() {
  return (
    <svg className="layer-panel__chevron" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function AlertCount({ count }: { count: number }) {
  return (
    <span className={`count-pill${count > 0 ? " count-pill--hot" : ""}`} aria-label={`${count} unacknowledged`}>
      {count}
    </span>
  );
}

/** Units past their check-in: written out in the tab, a bare number in the (narrow) handle. */
function OverdueCount({ count, isShort = false }: { count: number; isShort?: boolean }) {
  if (count === 0) return null;
  return (
    <span className="count-pill count-pill--overdue" aria-label={`${count} check-in overdue`} title={`${count} check-in overdue`}>
      {isShort ? count : `${count} overdue`}
    </span>
  );
}

/**
 * The control room's right-hand card (a bottom sheet on phones): the alert queue and the unit board
 * as two tabs. Arrow keys, Home and End move between the tabs (automatic activation).
 */
export function SidePanel({ tab, onTabChange, open, isOpen, onOpenChange, openAlertCount, alerts, units }: TSidePanelProps) {
  const idPrefix = useId();
  const overdueUnitCount = useOverdueUnitCount();
  const tabRefs = useRef<Partial<Record<TSidePanelTab, HTMLButtonElement | null>>>({});

  const onTabKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = SIDE_PANEL_TABS.indexOf(tab);
    const last = SIDE_PANEL_TABS.length - 1;
    const target =
      event.key === "ArrowRight" ? (index === last ? 0 : index + 1)
      : event.key === "ArrowLeft" ? (index === 0 ? last : index - 1)
      : event.key === "Home" ? 0
      : event.key === "End" ? last
      : null;
    if (target === null) return;
    event.preventDefault();
    const next = SIDE_PANEL_TABS[target]!;
    onTabChange(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <aside className="ops-panel side-panel" data-open={open === null ? "auto" : String(open)} aria-label="Alerts and units" data-testid="side-panel">
      <button
        type="button"
        className="ops-panel__handle"
        aria-controls={`${idPrefix}-body`}
        aria-expanded={isOpen}
        onClick={() => onOpenChange(!isOpen)}
      >
        <span className="layer-panel__handle-grip" aria-hidden="true" />
        <span className="layer-panel__title">Alerts</span>
        <AlertCount count={openAlertCount} />
        <span className="layer-panel__title side-panel__handle-units">Units</span>
        <OverdueCount count={overdueUnitCount} isShort />
        <Chevron />
      </button>
      <div className="ops-panel__body side-panel__body" id={`${idPrefix}-body`}>
        <div className="side-panel__tabs" role="tablist" aria-label="Side panel">
          {SIDE_PANEL_TABS.map((name) => (
            <button
              key={name}
              ref={(element) => {
                tabRefs.current[name] = element;
              }}
              type="button"
              role="tab"
              id={`${idPrefix}-tab-${name}`}
              className="side-panel__tab"
              aria-selected={tab === name}
              aria-controls={`${idPrefix}-panel-${name}`}
              tabIndex={tab === name ? 0 : -1}
              data-testid={`side-panel-tab-${name}`}
              onClick={() => onTabChange(name)}
              onKeyDown={onTabKeyDown}
            >
              {TAB_LABEL[name]}
              {name === "alerts" ? <AlertCount count={openAlertCount} /> : <OverdueCount count={overdueUnitCount} />}
            </button>
          ))}
        </div>
        {SIDE_PANEL_TABS.map((name) => (
          <div
            key={name}
            role="tabpanel"
            id={`${idPrefix}-panel-${name}`}
            aria-labelledby={`${idPrefix}-tab-${name}`}
            className="side-panel__tabpanel"
            hidden={tab !== name}
          >
            {name === "alerts" ? alerts : units}
          </div>
        ))}
      </div>
    </aside>
  );
}
