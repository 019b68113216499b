import Link from "next/link";
import type { TIncidentHistoryRow } from "@/lib/contracts/history";
import { INCIDENT_TYPE_LABEL } from "@/components/incidents/incident-labels";
import { DateTime } from "./date-time";
import { formatSeconds } from "./format-seconds";
import type { TIncidentHistoryView } from "./history-filters";
import { SortHeader } from "./sort-header";
import { PriorityChip } from "@/components/incidents/priority-chip";
import { IncidentStatus } from "@/components/incidents/incident-status";
import { Table } from "@/components/ui/table";
import styles from "./history-table.module.css";

type TIncidentHistoryTableProps = {
  rows: readonly TIncidentHistoryRow[];
  sort: TIncidentHistoryView["sort"];
  onSort: (sort: TIncidentHistoryView["sort"]) => void;
};

const seconds = (from: string | null, to: string | null) => (from && to ? (Date.parse(to) - Date.parse(from)) / 1000 : null);

/** The response at a glance: time to acknowledge, dispatch, arrive (from dispatch) and resolve. */
function ResponseTimes({ row }: { row: TIncidentHistoryRow }) {
  const steps = [
    ["Ack", seconds(row.createdAt, row.acknowledgedAt)],
    ["Disp", seconds(row.createdAt, row.firstDispatchedAt)],
    ["Arr", seconds(row.firstDispatchedAt, row.firstOnSceneAt)],
    ["Res", seconds(row.createdAt, row.resolvedAt)],
  ] as const;
  return (
    <dl className={styles.responseTimes}>
      {steps.map(([label, value]) => (
        <div key={label} className={styles.responseStep}>
          <dt>{label}</dt>
          <dd>{formatSeconds(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function IncidentHistoryTable({ rows, sort, onSort }: TIncidentHistoryTableProps) {
  return (
    <Table className={styles.historyTable} data-testid="history-table" data-tab="incidents" scrollLabel="Incident history">
      <thead>
        <tr>
          <th scope="col">Incident</th>
          <SortHeader
            label="Created"
            direction={sort === "newest" ? "descending" : sort === "oldest" ? "ascending" : null}
            actionLabel={sort === "newest" ? "show oldest first" : "show newest first"}
            onSort={() => onSort(sort === "newest" ? "oldest" : "newest")}
          />
          <SortHeader
            label="Priority"
            direction={sort === "priority" ? "ascending" : null}
            actionLabel="show highest priority first"
            onSort={() => onSort("priority")}
          />
          <th scope="col">Type</th>
          <th scope="col">Status</th>
          <th scope="col">Zone</th>
          <th scope="col">Where / what</th>
          <th scope="col">Units</th>
          <th scope="col">Response</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} data-testid="history-row" data-id={row.id}>
            <td data-label="Incident">
              <Link className={styles.link} href={`/history/incidents/${row.id}`}>
                {row.number}
              </Link>
            </td>
            <td className={styles.time} data-label="Created">
              <DateTime iso={row.createdAt} />
            </td>
            <td data-label="Priority">
              <PriorityChip priority={row.priority}>{row.priority}</PriorityChip>
            </td>
            <td data-label="Type">{INCIDENT_TYPE_LABEL[row.type]}</td>
            <td data-label="Status">
              <IncidentStatus status={row.status} />
            </td>
            <td data-label="Zone">{row.zone}</td>
            <td data-label="Where">
              <div className={styles.what}>
                <span>{row.address ?? <span className="muted">No address</span>}</span>
                <span className={styles.description} title={row.description}>
                  {row.description}
                </span>
              </div>
            </td>
            <td data-label="Units">{row.units.length > 0 ? row.units.join(", ") : <span className="muted">—</span>}</td>
            <td data-label="Response">
              <ResponseTimes row={row} />
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
