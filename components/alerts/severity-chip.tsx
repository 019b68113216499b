import type { TAlertSeverity } from "@/lib/contracts/alerts";
import { Chip, type TChipMark } from "@/components/ui/chip";
import { SEVERITY_LABEL } from "./alert-labels";

/** Shape as well as colour: critical a diamond, major a square, minor a circle, warning a ring. */
const SEVERITY_MARK: Record<TAlertSeverity, TChipMark> = { critical: "diamond", major: "square", minor: "circle", warning: "ring" };

/** Severity as a word and a shape, not by colour alone. */
export function SeverityChip({ severity }: { severity: TAlertSeverity }) {
  return (
    <Chip appearance="label" color={`var(--sev-${severity})`} mark={SEVERITY_MARK[severity]} data-severity={severity}>
      {SEVERITY_LABEL[severity]}
    </Chip>
  );
}
