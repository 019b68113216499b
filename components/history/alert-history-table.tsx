import Link from "next/link";
import type { TAlertHistoryRow } from "@/lib/contracts/history";
import { SeverityChip } from "@/components/alerts/severity-chip";
import { useDomainCatalog } from "@/components/domains/use-domain-catalog";
import { DateTime } from "./date-time";
import { formatSeconds } from "./format-seconds";
import type { TAlertHistoryView } from "./history-filters";
import { ALERT_STATUS_LABEL } from "./history-labels";
import { SortHeader } from "./sort-header";
import { Table } from "@/components/ui/table";
import styles from "./history-table.module.css";

type TAlertHistoryTableProps = {
  rows: readonly TAlertHistoryRow[];
  sort: TAlertHistoryView["sort"];
  onSort: (sort: TAlertHistoryView["sort"]) => void;
};

const seconds = (from: string, to: string | null) => (to ? (Date.parse(to) - Date.parse(from)) / 1000 : null);

export function AlertHistoryTable({ rows, sort, onSort }: TAlertHistoryTableProps) {
  const domains = useDomainCatalog();
  return (
    <Table className={styles.historyTable} data-testid="history-table" data-tab="alerts" scrollLabel="Alert history">
      <thead>
        <tr>
          <SortHeader
            label="First seen"
            direction={sort === "newest" ? "descending" : sort === "oldest" ? "ascending" : null}
            actionLabel={sort === "newest" ? "show oldest first" : "show newest first"}
            onSort={() => onSort(sort === "newest" ? "oldest" : "newest")}
          />
          <SortHeader
            label="Severity"
            direction={sort === "severity" ? "ascending" : null}
            actionLabel="show most severe first"
            onSort={() => onSort("severity")}
          />
          <th scope="col">Domain</th>
          <th scope="col">Alert</th>
          <th scope="col">Status</th>
          <th scope="col">Zone</th>
          <th scope="col">Acknowledged after</th>
          <th scope="col">Incident</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} data-testid="history-row" data-id={row.id}>
            <td className={styles.time} data-label="First seen">
              <DateTime iso={row.firstSeenAt} />
            </td>
            <td data-label="Severity">
              <SeverityChip severity={row.severity} />
            </td>
            <td data-label="Domain">{domains.label(row.domain)}</td>
            <td data-label="Alert">
              <div className={styles.what}>
                <span>{row.ruleName}</span>
                <span className={styles.description} title={row.message}>
                  {row.message}
                </span>
              </div>
            </td>
            <td data-label="Status">{ALERT_STATUS_LABEL[row.status]}</td>
            <td data-label="Zone">{row.zone}</td>
            <td data-label="Ack after">{formatSeconds(seconds(row.firstSeenAt, row.acknowledgedAt))}</td>
            <td data-label="Incident">
              {row.incidentId ? (
                <Link className={styles.link} href={`/history/incidents/${row.incidentId}`}>
                  View incident
                </Link>
              ) : (
                <span className="muted">—</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
