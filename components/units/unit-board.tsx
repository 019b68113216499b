"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import type { TResponderUnit } from "@/lib/contracts/units";
import { errorMessage } from "@/components/api/request-json";
import { groupUnitsByType } from "./unit-board-model";
import { unitsQuery } from "./unit-queries";
import { UnitRow } from "./unit-row";
import type { TUnitOutcome } from "./use-unit-action";
import { useNow } from "@/components/format/use-now";
import { Button } from "@/components/ui/button";
import { OutcomeMessage } from "@/components/ui/side-drawer";
import { QueryState } from "@/components/ui/query-state";
import styles from "./unit-board.module.css";

type TUnitBoardProps = {
  /** Incident numbers by id (the open incidents), for the "on INC-…" tag. */
  incidentNumbers: ReadonlyMap<string, string>;
  selectedId: string | null;
  onSelect: (unit: TResponderUnit) => void;
  onOpenIncident: (incidentId: string) => void;
};

/** The unit status board: every unit by type, its status and for how long, and what needs attention. */
export function UnitBoard({ incidentNumbers, selectedId, onSelect, onOpenIncident }: TUnitBoardProps) {
  const units = useQuery(unitsQuery());
  const now = useNow();
  const idPrefix = useId();
  const [outcome, setOutcome] = useState<TUnitOutcome | null>(null);
  const groups = useMemo(() => (units.data ? groupUnitsByType(units.data.units) : []), [units.data]);

  if (units.isPending) {
    return (
      <QueryState state="loading" data-testid="unit-board-loading">
        Loading units…
      </QueryState>
    );
  }
  if (units.isError) {
    return (
      <QueryState state="error">
        <p>The units could not be loaded: {errorMessage(units.error)}</p>
        <Button size="sm" onClick={() => void units.refetch()}>
          Try again
        </Button>
      </QueryState>
    );
  }
  return (
    <div className={styles.board} data-testid="unit-board">
      <div className={styles.feedback} role="status" aria-live="polite">
        {outcome && (
          <OutcomeMessage tone={outcome.tone} data-testid="unit-board-feedback">
            {outcome.message}
          </OutcomeMessage>
        )}
      </div>
      {groups.length === 0 ? (
        <QueryState state="empty" title="No units yet" detail="Supervisors and admins add units on the Units page." />
      ) : (
        groups.map((group) => (
          <section key={group.type} className={styles.group} aria-labelledby={`${idPrefix}-${group.type}`}>
            <h3 className={styles.groupTitle} id={`${idPrefix}-${group.type}`}>
              <span>{group.label}</span>
              <span className={styles.groupCount}>
                {group.available}/{group.total} available
              </span>
            </h3>
            <ul className={styles.list}>
              {group.units.map((unit) => (
                <UnitRow
                  key={unit.id}
                  unit={unit}
                  now={now}
                  checkInSeconds={units.data.checkInSeconds}
                  incidentNumber={unit.incidentId ? (incidentNumbers.get(unit.incidentId) ?? null) : null}
                  isSelected={unit.id === selectedId}
                  onSelect={onSelect}
                  onOpenIncident={onOpenIncident}
                  onOutcome={setOutcome}
                />
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}
