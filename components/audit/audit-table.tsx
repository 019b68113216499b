import type { TAuditEntry } from "@/lib/contracts/auth";
import { AuditChange } from "./audit-change";
import { formatDateTime } from "@/components/format/date-time";
import { Table } from "@/components/ui/table";
import styles from "./audit-table.module.css";

export function AuditTable({ entries }: { entries: readonly TAuditEntry[] }) {
  return (
    <Table className={styles.auditTable} scrollLabel="Audit log">
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Actor</th>
          <th scope="col">Role</th>
          <th scope="col">Action</th>
          <th scope="col">Entity</th>
          <th scope="col">IP</th>
          <th scope="col">Before → after</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id} data-testid="audit-row" data-id={entry.id} data-action={entry.action}>
            <td className={styles.time} data-label="Time">
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
            </td>
            <td className={styles.actor} data-label="Actor">
              {entry.actorEmail ?? <span className="muted">system</span>}
            </td>
            <td data-label="Role">{entry.actorRole ?? <span className="muted">—</span>}</td>
            <td data-label="Action">
              <code className={styles.actionCode}>{entry.action}</code>
            </td>
            <td data-label="Entity">
              <div className={styles.entity}>
                <span>{entry.entityType}</span>
                {entry.entityId && (
                  <span className={styles.entityId} title={entry.entityId}>
                    {entry.entityId}
                  </span>
                )}
              </div>
            </td>
            <td className={styles.ip} data-label="IP">
              {entry.ip ?? <span className="muted">—</span>}
            </td>
            <td className={styles.change} data-label="Change">
              <AuditChange before={entry.before} after={entry.after} />
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
