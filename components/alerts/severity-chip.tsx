import type { TAlertSeverity } from "@/lib/contracts/alerts";
import { SEVERITY_LABEL } from "./alert-labels";

/** Severity as a word and a shape, not by colour alone. */
export function SeverityChip({ severity }: { severity: TAlertSeverity }) {
  return (
    <span className={`severity-chip severity-chip--${severity}`} data-severity={severity}>
      <span className="severity-chip__mark" aria-hidden="true" />
      {SEVERITY_LABEL[severity]}
    </span>
  );
}
