import { compactJson, diffAuditValues } from "./audit-diff";
import styles from "./audit-change.module.css";

const MAX_LINES = 4;

/** before → after of one audit entry: changed fields inline, the full JSON on demand. */
export function AuditChange({ before, after }: { before: unknown; after: unknown }) {
  const lines = diffAuditValues(before, after);
  if (lines.length === 0) return <span className="muted">—</span>;
  const shown = lines.slice(0, MAX_LINES);
  return (
    <div>
      <ul className={styles.lines}>
        {shown.map((line) => (
          <li key={line.key} className={styles.line}>
            {line.key && <span className={styles.key}>{line.key}</span>}
            {line.before !== undefined && <del className={styles.before}>{line.before}</del>}
            {line.before !== undefined && line.after !== undefined && (
              <span className={styles.arrow} role="img" aria-label="changed to">
                →
              </span>
            )}
            {line.after !== undefined && <ins className={styles.after}>{line.after}</ins>}
          </li>
        ))}
      </ul>
      {(lines.length > MAX_LINES || before != null || after != null) && (
        <details className={styles.raw}>
          <summary>{lines.length > MAX_LINES ? `${lines.length - MAX_LINES} more · JSON` : "JSON"}</summary>
          <pre>{`before: ${before == null ? "null" : compactJson(before)}\nafter:  ${after == null ? "null" : compactJson(after)}`}</pre>
        </details>
      )}
    </div>
  );
}
