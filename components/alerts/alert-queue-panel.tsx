"use client";

import { useQuery } from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import type { TAlert } from "@/lib/contracts/alerts";
import { errorMessage } from "@/components/api/request-json";
import { groupMembers, sharedCorrelationGroups, visibleInQueue, type TAlertFilters } from "./alert-cache";
import { AlertGroupBar } from "./alert-group-bar";
import { queueMode } from "./queue-mode";
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
  const [mode] = useState(queueMode);
  const groupId = allAlerts.find((a) => a.id === selectedId)?.correlationGroup ?? null;
  const groupSize = groupId ? groupMembers(allAlerts, groupId).length : 0;

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
    <>
      {groupId && groupSize >= 2 && <AlertGroupBar key={groupId} groupId={groupId} members={groupMembers(allAlerts, groupId)} />}
      {mode === "legacy" ? (
        <ul className={styles.list} aria-label="Open alerts, most severe first" data-testid="alert-queue" data-count={shown.length}>
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
      ) : (
        <VirtualAlertList alerts={shown} now={now} selectedId={selectedId} related={related} onSelect={onSelect} />
      )}
    </>
  );
}

/** A row's height before it is measured (a row with one line of message and a line of tags). */
const ROW_ESTIMATE_PX = 104;
const ROW_GAP_PX = 4;
const PAGE_ROWS = 8;

type TVirtualAlertListProps = {
  alerts: readonly TAlert[];
  now: number | null;
  selectedId: string | null;
  related: ReadonlySet<string>;
  onSelect: (alert: TAlert) => void;
};

/**
 * Only the rows in view (and a few beyond) are in the DOM, so a storm of thousands of alerts costs a screenful
 * of rows. One row at a time is in the tab order (roving focus): arrow keys, Page Up/Down, Home and End move it,
 * scrolling the row into view first, since a row far away is not rendered until then.
 */
function VirtualAlertList({ alerts, now, selectedId, related, onSelect }: TVirtualAlertListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const focusPending = useRef<number | null>(null);
  const virtualizer = useVirtualizer({
    count: alerts.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    getItemKey: (index) => alerts[index].id,
    gap: ROW_GAP_PX,
    overscan: 6,
  });
  const found = alerts.findIndex((a) => a.id === (activeId ?? selectedId));
  const activeIndex = Math.max(found, 0);
  const items = virtualizer.getVirtualItems();

  useLayoutEffect(() => {
    const index = focusPending.current;
    if (index === null) return;
    const button = scrollRef.current?.querySelector<HTMLButtonElement>(`li[data-index="${index}"] button`);
    if (!button) return;
    focusPending.current = null;
    button.focus();
  });

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(alerts.length - 1, index));
    setActiveId(alerts[next].id);
    focusPending.current = next;
    virtualizer.scrollToIndex(next, { align: "auto" });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + PAGE_ROWS,
      PageUp: activeIndex - PAGE_ROWS,
      Home: 0,
      End: alerts.length - 1,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    moveTo(moves[event.key]);
  };

  return (
    <div ref={scrollRef} className={styles.scroller} data-testid="alert-queue-scroller">
      <ul
        className={styles.virtualList}
        style={{ height: virtualizer.getTotalSize() }}
        aria-label={`Open alerts, most severe first (${alerts.length}); arrow keys move between them`}
        data-testid="alert-queue"
        data-count={alerts.length}
        onKeyDown={onKeyDown}
      >
        {items.map((item) => {
          const alert = alerts[item.index];
          return (
            <AlertRow
              key={item.key}
              item={{
                ref: virtualizer.measureElement,
                "data-index": item.index,
                className: styles.virtualRow,
                style: { transform: `translateY(${item.start}px)` },
              }}
              tabIndex={item.index === activeIndex ? 0 : -1}
              onFocus={() => setActiveId(alert.id)}
              alert={alert}
              now={now}
              isSelected={alert.id === selectedId}
              isRelated={alert.correlationGroup !== null && related.has(alert.correlationGroup)}
              onSelect={onSelect}
            />
          );
        })}
      </ul>
    </div>
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
