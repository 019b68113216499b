"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useMemo } from "react";
import { UNIT_TYPE_LABEL, type TDispatch } from "@/lib/contracts/units";
import { errorMessage } from "@/components/api/request-json";
import { UnitStatusChip } from "@/components/units/unit-status-chip";
import { unitsQuery } from "@/components/units/unit-queries";
import { assignedUnits, assignedUnitStatus } from "./dispatch-format";
import { dispatchesQuery } from "./dispatch-queries";
import { formatClock } from "@/components/format/date-time";
import { Chip } from "@/components/ui/chip";
import { DrawerSectionTitle } from "@/components/ui/side-drawer";
import { FormError } from "@/components/ui/form-error";
import panelStyles from "./dispatch-panel.module.css";
import styles from "./assigned-units.module.css";

const ENDED_LABEL = { cleared: "Cleared", cancelled: "Cancelled" } as const;

function Time({ label, at }: { label: string; at: string | null }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{at ? <time dateTime={at}>{formatClock(Date.parse(at))}</time> : "—"}</dd>
    </div>
  );
}

/** "Assigned units": who was sent, their status now, and when they were dispatched, left and arrived. */
export function AssignedUnits({ incidentId }: { incidentId: string }) {
  const id = useId();
  const dispatches = useQuery(dispatchesQuery(incidentId));
  const units = useQuery(unitsQuery()).data;
  const unitsById = useMemo(() => new Map(units?.units.map((unit) => [unit.id, unit])), [units]);
  const rows = useMemo(() => (dispatches.data ? assignedUnits(dispatches.data) : []), [dispatches.data]);

  const row = (dispatch: TDispatch) => {
    const status = assignedUnitStatus(dispatch, unitsById.get(dispatch.unitId), incidentId);
    return (
      <li key={dispatch.unitId} className={styles.unit} data-testid={`assigned-unit-${dispatch.unitId}`} data-status={status}>
        <div className={styles.head}>
          <span className={styles.callsign}>{dispatch.callSign}</span>
          <span className={styles.type}>{UNIT_TYPE_LABEL[dispatch.unitType]}</span>
          {dispatch.state !== "active" && <Chip appearance="tag">{ENDED_LABEL[dispatch.state]}</Chip>}
          {status !== "cancelled" && <UnitStatusChip status={status} />}
        </div>
        <dl className={styles.times}>
          <Time label="Dispatched" at={dispatch.dispatchedAt} />
          <Time label="En route" at={dispatch.enRouteAt} />
          <Time label="On scene" at={dispatch.onSceneAt} />
        </dl>
      </li>
    );
  };

  return (
    <div className={panelStyles.block} role="group" aria-labelledby={`${id}-title`} data-testid="assigned-units">
      <DrawerSectionTitle id={`${id}-title`}>
        Assigned units{dispatches.data ? ` (${rows.filter((dispatch) => dispatch.state === "active").length})` : ""}
      </DrawerSectionTitle>
      {dispatches.isPending ? (
        <p className="muted">Loading…</p>
      ) : dispatches.isError ? (
        <FormError role="alert">The assigned units could not be loaded: {errorMessage(dispatches.error)}</FormError>
      ) : rows.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ul className={styles.list}>{rows.map(row)}</ul>
      )}
    </div>
  );
}
