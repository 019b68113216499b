import type { TDispatch } from "@/lib/contracts/units";
import { UNIT_TYPE_LABEL } from "@/lib/contracts/units";
import { DateTime, TimeOfDay } from "./date-time";
import { dispatchTimes } from "./dispatch-times";
import { formatSeconds } from "./format-seconds";
import { Table } from "@/components/ui/table";
import styles from "./units-involved.module.css";

const STATE_LABEL: Record<TDispatch["state"], string> = { active: "On the job", cleared: "Cleared", cancelled: "Cancelled" };

/**
 * Each unit sent: when it was dispatched, left, arrived and cleared (times of day after the dispatch's date);
 * how long it travelled and stayed.
 */
export function UnitsInvolved({ dispatches, nowMs }: { dispatches: readonly TDispatch[]; nowMs: number }) {
  if (dispatches.length === 0) return <p className="muted">No units were dispatched to this incident.</p>;
  return (
    <Table className={styles.unitsInvolved} data-testid="units-involved" scrollLabel="Units involved">
      <thead>
        <tr>
          <th scope="col">Unit</th>
          <th scope="col">Dispatched</th>
          <th scope="col">En route</th>
          <th scope="col">On scene</th>
          <th scope="col">Cleared</th>
          <th scope="col">Travel</th>
          <th scope="col">On scene for</th>
          <th scope="col">State</th>
        </tr>
      </thead>
      <tbody>
        {dispatches.map((d) => {
          const times = dispatchTimes(d, nowMs);
          return (
            <tr key={d.id} data-unit={d.unitId}>
              <td data-label="Unit">
                <div>
                  <span className={styles.callSign}>{d.callSign}</span> <span className="muted">{UNIT_TYPE_LABEL[d.unitType]}</span>
                  {d.dispatchedBy && <span className={styles.by}>by {d.dispatchedBy.name}</span>}
                </div>
              </td>
              <td data-label="Dispatched">
                <DateTime iso={d.dispatchedAt} />
              </td>
              <td data-label="En route">
                <TimeOfDay iso={d.enRouteAt} sameDayAs={d.dispatchedAt} />
              </td>
              <td data-label="On scene">
                <TimeOfDay iso={d.onSceneAt} sameDayAs={d.dispatchedAt} />
              </td>
              <td data-label="Cleared">
                <TimeOfDay iso={d.clearedAt} sameDayAs={d.dispatchedAt} />
              </td>
              <td data-label="Travel">
                <span>
                  {formatSeconds(times.travelSeconds)}
                  {times.travelSeconds !== null && <span className="muted"> (ETA {formatSeconds(d.etaSeconds)})</span>}
                </span>
              </td>
              <td data-label="On scene for">
                <span>
                  {formatSeconds(times.onSceneSeconds)}
                  {times.onSceneOngoing && <span className="muted"> so far</span>}
                </span>
              </td>
              <td data-label="State">{STATE_LABEL[d.state]}</td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
