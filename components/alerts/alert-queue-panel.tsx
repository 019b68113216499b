"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useMemo, type ReactNode } from "react";
import type { TAlert } from "@/lib/contracts/alerts";
import { errorMessage } from "@/components/api/request-json";
import { sharedCorrelationGroups, type TAlertFilters } from "./alert-cache";
import { AlertFilters } from "./alert-filters";
import { AlertRow } from "./alert-row";
import { alertQueueQuery } from "./alert-queries";
import { useNow } from "@/components/format/use-now";
import { Button } from "@/components/ui/button";
import { Chip } from "@/components/ui/chip";
import { QueryState } from "@/components/ui/query-state";
import { BottomSheet, SheetTitle } from "@/components/ui/bottom-sheet";
import styles from "./alert-queue-panel.module.css";

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

function QueueBody({
  filters,
  allAlerts,
  selectedId,
  onSelect,
}: Pick<TAlertQueuePanelProps, "filters" | "allAlerts" | "selectedId" | "onSelect">) {
  const queue = useQuery(alertQueueQuery(filters));
  const now = useNow();
  const related = useMemo(() => sharedCorrelationGroups(allAlerts), [allAlerts]);
  const isFiltered = Object.values(filters).some(Boolean);

  if (queue.isPending) {
    return (
      <QueryState state="loading" data-testid="alert-queue-loading">
        Loading alerts…
      </QueryState>
    );
  }
  if (queue.isError) {
    return (
      <QueryState state="error">
        <p>The alert queue could not be loaded: {errorMessage(queue.error)}</p>
        <Button size="sm" onClick={() => void queue.refetch()}>
          Try again
        </Button>
      </QueryState>
    );
  }
  if (queue.data.length === 0) {
    return (
      <QueryState
        state="empty"
        data-testid="alert-queue-empty"
        title={isFiltered ? "No open alerts match these filters" : "All quiet — no open alerts"}
        detail="New alerts appear here as they open."
      />
    );
  }
  return (
    <ul className={styles.list} aria-label="Open alerts, most severe first" data-testid="alert-queue">
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
    <BottomSheet
      side="right"
      className="ops-panel"
      open={open}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      bodyId={`${idPrefix}-body`}
      aria-label="Alert queue"
      data-testid="alert-panel"
      handle={
        <>
          <SheetTitle>Alerts</SheetTitle>
          <Chip appearance="count" tone={openCount > 0 ? "hot" : "neutral"} aria-label={`${openCount} unacknowledged`}>
            {openCount}
          </Chip>
        </>
      }
    >
      <div className={styles.toolbar}>
        <Button variant="accent" size="sm" onClick={onNewIncident} data-testid="new-incident">
          + New incident
        </Button>
        <label className={styles.muteToggle}>
          <input type="checkbox" checked={isMuted} onChange={(event) => onMutedChange(event.target.checked)} />
          Mute alert sound on this browser
        </label>
      </div>
      {notice}
      <AlertFilters filters={filters} zones={zones} onChange={onFiltersChange} />
      <QueueBody {...props} />
    </BottomSheet>
  );
}
