"use client";

import { useId, useMemo, useState } from "react";
import { usePlaceName } from "@/components/city/use-place-name";
import { formatClock } from "@/components/format/date-time";
import { formatElapsed } from "@/components/format/duration";
import { Chip } from "@/components/ui/chip";
import { cx } from "@/components/ui/class-names";
import { FieldLabel } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { QueryState } from "@/components/ui/query-state";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/components/api/request-json";
import { BOARD_SORT_LABEL, BOARD_SORTS, describeBoardUnits, sortBoard, type TBoardRow, type TBoardSort } from "./incident-board-model";
import { INCIDENT_STATUS_LABEL, INCIDENT_TYPE_LABEL } from "./incident-labels";
import { PriorityChip } from "./priority-chip";
import styles from "./incident-board.module.css";

type TIncidentBoardProps = {
  /** From useIncidentBoardRows; null until the clock has started (server render). */
  rows: readonly TBoardRow[] | null;
  /** The open-incidents query: while it loads or after it failed, the board says so instead of "No open incidents". */
  state: { isPending: boolean; error: Error | null; refetch: () => unknown };
  selectedId: string | null;
  onSelect: (incidentId: string) => void;
};

/**
 * The open incidents as a dispatcher works them: most urgent first, how long each has waited, which units are on
 * it, and a flag on any left without a unit longer than its priority allows (those lead whatever the sort).
 */
export function IncidentBoard({ rows: unsorted, state, selectedId, onSelect }: TIncidentBoardProps) {
  const sortId = useId();
  const [sort, setSort] = useState<TBoardSort>("priority");
  const rows = useMemo(() => (unsorted ? sortBoard(unsorted, sort) : []), [unsorted, sort]);

  if (unsorted === null) return null;
  if (state.isPending) return <QueryState state="loading">Loading incidents…</QueryState>;
  if (state.error && unsorted.length === 0) {
    return (
      <QueryState state="error" title={`The open incidents could not be loaded: ${errorMessage(state.error)}`}>
        <Button size="sm" onClick={() => void state.refetch()}>
          Try again
        </Button>
      </QueryState>
    );
  }
  return (
    <div className={styles.board} data-testid="incident-board">
      <div className={styles.toolbar}>
        <FieldLabel htmlFor={sortId} className={styles.sortLabel}>
          Sort by
        </FieldLabel>
        <Select id={sortId} controlSize="sm" value={sort} onChange={(event) => setSort(event.target.value as TBoardSort)}>
          {BOARD_SORTS.map((value) => (
            <option key={value} value={value}>
              {BOARD_SORT_LABEL[value]}
            </option>
          ))}
        </Select>
      </div>
      {rows.length === 0 ? (
        <QueryState state="empty" title="No open incidents" detail="New incidents and promoted alerts appear here." />
      ) : (
        <ul className={styles.list} aria-label="Open incidents">
          {rows.map((row) => (
            <IncidentBoardRow key={row.incident.id} row={row} isSelected={row.incident.id === selectedId} onSelect={onSelect} />
          ))}
        </ul>
      )}
    </div>
  );
}

function IncidentBoardRow({ row, isSelected, onSelect }: { row: TBoardRow; isSelected: boolean; onSelect: (id: string) => void }) {
  const { incident, ageMs, sinceUpdateMs, units, unassignedForMs } = row;
  const nearby = usePlaceName(incident.location);
  const place = incident.address ?? nearby ?? incident.zone;
  return (
    <li
      className={cx(styles.row, unassignedForMs !== null && styles.late)}
      data-testid={`incident-row-${incident.number}`}
      data-status={incident.status}
    >
      <button
        type="button"
        className={styles.main}
        aria-pressed={isSelected}
        aria-label={`${incident.number}, ${INCIDENT_TYPE_LABEL[incident.type]}, ${incident.priority}, ${INCIDENT_STATUS_LABEL[incident.status]}, ${place}`}
        onClick={() => onSelect(incident.id)}
      >
        <span className={styles.head}>
          <PriorityChip priority={incident.priority}>{incident.priority}</PriorityChip>
          <span className={styles.type}>{INCIDENT_TYPE_LABEL[incident.type]}</span>
          <span className={styles.status}>{INCIDENT_STATUS_LABEL[incident.status]}</span>
        </span>
        <span className={styles.place} title={incident.zone}>
          {place}
        </span>
        <span className={styles.meta}>
          <span>{incident.number}</span>
          <time dateTime={incident.createdAt} title={`Opened ${formatClock(incident.createdAt)}`}>
            open {formatElapsed(ageMs)}
          </time>
          <time dateTime={incident.updatedAt} title={`Last change ${formatClock(incident.updatedAt)}`}>
            updated {formatElapsed(sinceUpdateMs)} ago
          </time>
        </span>
        <span className={styles.units}>
          {unassignedForMs !== null ? (
            <Chip appearance="tag" tone="hot" data-testid="incident-unassigned">
              No unit for {formatElapsed(unassignedForMs)}
            </Chip>
          ) : (
            <span data-testid="incident-units">{describeBoardUnits(units)}</span>
          )}
        </span>
      </button>
    </li>
  );
}
