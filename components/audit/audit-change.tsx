import { compactJson, diffAuditValues } from "./audit-diff";

const MAX_LINES = 4;

/** before → after of one audit entry: changed fields inline, the full JSON on demand. */
export function AuditChange({ before, after }: { before: unknown; after: unknown }) {
  const lines = diffAuditValues(before, after);
  if (lines.length === 0) return <span className="muted">—</span>;
  const shown = lines.slice(0, MAX_LINES);
  return (
    <div className="audit-change">
      <ul className="audit-change__lines">
        {shown.map((line) => (
          <li key={line.key} className="audit-change__line">
            {line.key && <span className="audit-change__key">{line.key}</span>}
            {line.before !== undefined && <del className="audit-change__before">{line.before}</del>}
            {line.before !== undefined && line.after !== undefined && (
              <span className="audit-change__arrow" aria-label="changed to">
                →
              </span>
            )}
            {line.after !== undefined && <ins className="audit-change__after">{line.after}</ins>}
          </li>
        ))}
      </ul>
      {(lines.length > MAX_LINES || before != null || after != null) && (
        <details className="audit-change__raw">
          <summary>{lines.length > MAX_LINES ? `${lines.length - MAX_LINES} more · JSON` : "JSON"}</summary>
          <pre>{`before: ${before == null ? "null" : compactJson(before)}\nafter:  ${after == null ? "null" : compactJson(after)}`}</pre>
        </details>
      )}
    </div>
  );
}
