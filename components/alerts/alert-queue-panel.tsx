"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useMemo, type ReactNode } from "react";
import type { TAlert } from "@/lib/contracts/incidents";
import { errorMessage } from "@/components/api/request-json";
import { useNow } from "@/components/control-room/use-now";
import { sharedCorrelationGroups, type TAlertFilters } from "./alert-cache";
import { AlertFilters } from "./alert-filters";
import { AlertRow } from "./alert-row";
import { alertQueueQuery } from "./alert-queries";

type TAlertQueuePanelProps = {
  filters: TAlertFilters;
  onFiltersChange: (filters: TAlertFilters) => void;
  /** Every open alert, unfiltered: zones to filter by, correlation across the queue. */
  allAlerts: readonly TAlert[];
  selectedId: string | null;
  onSelect: (alert: TAlert) => void;
  /** Desktop: open unless closed. Phone: a bottom sheet, closed unless opened. */
  open: boolean | null;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  isMuted: boolean;
  onMutedChange: (muted: boolean) => void;
  onNewIncident: () => void;
  /** Supervisors' escalation notice, rendered above the filters. */
  notice?: ReactNode;
};

function QueueBody({ filters, allAlerts, selectedId, onSelect }: Pick<TAlertQueuePanelProps, "filters" | "allAlerts" | "selectedId" | "onSelect">) {
  const queue = useQuery(alertQueueQuery(filters));
  const now = useNow();
  const related = useMemo(() => sharedCorrelationGroups(allAlerts), [allAlerts]);
  const isFiltered = Object.values(filters).some(Boolean);

  if (queue.isPending) {
    return (
      <div className="queue-state" role="status" data-testid="alert-queue-loading">
        <span className="spinner" aria-hidden="true" />
        Loading alerts…
      </div>
    );
  }
  if (queue.isError) {
    return (
      <div className="queue-state queue-state--error" role="alert">
        <p>The alert queue could not be loaded: {errorMessage(queue.error)}</p>
        <button type="button" className="button button--small" onClick={() => void queue.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  if (queue.data.length === 0) {
    return (
      <div className="queue-state" data-testid="alert-queue-empty">
        <p className="queue-state__title">{isFiltered ? "No open alerts match these filters" : "All quiet — no open alerts"}</p>
        <p className="queue-state__detail">New alerts appear here as they open.</p>
      </div>
    );
  }
  return (
    <ul className="alert-list" aria-label="Open alerts, most severe first" data-testid="alert-queue">
      {queue.data.map((alert) => (
        <AlertRow
          key={alert.id}
          alert={alert}
          now={now}
          isSelected={alert.id === selectedId}
          isRelated={alert.correlationGroup !== null && related.has(alert.correlationGroup)}
          onSelect={onSelect}
        />
      ))}
    </ul>
  );
}

export function AlertQueuePanel(props: TAlertQueuePanelProps) {
  const { filters, onFiltersChange, allAlerts, open, isOpen, onOpenChange, isMuted, onMutedChange, onNewIncident, notice } = props;
  const idPrefix = useId();
  const zones = useMemo(() => [...new Set(allAlerts.map((alert) => alert.zone))].sort(), [allAlerts]);
  const openCount = allAlerts.filter((alert) => alert.status === "open").length;

  return (
    <aside className="ops-panel" data-open={open === null ? "auto" : String(open)} aria-label="Alert queue" data-testid="alert-panel">
      <button
        type="button"
        className="ops-panel__handle"
        aria-controls={`${idPrefix}-body`}
        aria-expanded={isOpen}
        onClick={() => onOpenChange(!isOpen)}
      >
        <span className="layer-panel__handle-grip" aria-hidden="true" />
        <span className="layer-panel__title">Alerts</span>
        <span className={`count-pill${openCount > 0 ? " count-pill--hot" : ""}`} aria-label={`${openCount} unacknowledged`}>
          {openCount}
        </span>
        <svg className="layer-panel__chevron" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      <div className="ops-panel__body" id={`${idPrefix}-body`}>
        <div className="ops-panel__toolbar">
          <button type="button" className="button button--accent button--small" onClick={onNewIncident} data-testid="new-incident">
            + New incident
          </button>
          <label className="mute-toggle">
            <input type="checkbox" checked={isMuted} onChange={(event) => onMutedChange(event.target.checked)} />
            Mute alert sound on this browser
          </label>
        </div>
        {notice}
        <AlertFilters filters={filters} zones={zones} onChange={onFiltersChange} />
        <QueueBody {...props} />
      </div>
    </aside>
  );
}
