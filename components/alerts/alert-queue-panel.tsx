"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useMemo, useState, type ReactNode } from "react";
import type { TAlert } from "@/lib/contracts/alerts";
import { errorMessage } from "@/components/api/request-json";
import { sharedCorrelationGroups, visibleInQueue, type TAlertFilters } from "./alert-cache";
import { AlertFilters } from "./alert-filters";
import { AlertRow } from "./alert-row";
import { alertQueueQuery } from "./alert-queries";
import { useNow } from "@/components/format/use-now";
import { Button } from "@/components/ui/button";
import { Chip } from "@/components/ui/chip";
import { InlineCheck } from "@/components/ui/inline-check";
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
  showSilenced,
}: Pick<TAlertQueuePanelProps, "filters" | "allAlerts" | "selectedId" | "onSelect"> & { showSilenced: boolean }) {
  const queue = useQuery(alertQueueQuery(filters));
  const now = useNow();
  const related = useMemo(() => sharedCorrelationGroups(allAlerts), [allAlerts]);
  const shown = useMemo(() => (queue.data ? visibleInQueue(queue.data, showSilenced) : []), [queue.data, showSilenced]);
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
  if (shown.length === 0) {
    const hidden = queue.data.length;
    return (
      <QueryState
        state="empty"
        data-testid="alert-queue-empty"
        title={isFiltered ? "No open alerts match these filters" : "All quiet — no open alerts"}
        detail={
          hidden > 0
            ? `${hidden} silenced ${hidden === 1 ? "alert is" : "alerts are"} hidden: tick "Show silenced" to list them.`
            : "New alerts appear here as they open."
        }
      />
    );
  }
  return (
    <ul className={styles.list} aria-label="Open alerts, most severe first" data-testid="alert-queue">
      {shown.map((alert) => (
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
  const [showSilenced, setShowSilenced] = useState(false);
  // Silenced alerts wait for nobody: the count is of those that do.
  const openCount = allAlerts.filter((alert) => alert.status === "open" && alert.silenced === null).length;
  const silencedCount = allAlerts.filter((alert) => alert.silenced !== null).length;

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
        <InlineCheck checked={isMuted} onChange={(event) => onMutedChange(event.target.checked)}>
          Mute alert sound on this browser
        </InlineCheck>
      </div>
      {notice}
      <AlertFilters
        filters={filters}
        zones={zones}
        onChange={onFiltersChange}
        showSilenced={showSilenced}
        onShowSilencedChange={setShowSilenced}
        silencedCount={silencedCount}
      />
      <QueueBody {...props} showSilenced={showSilenced} />
    </BottomSheet>
  );
}
