import { isCheckInOverdue, type TResponderUnit } from "@/lib/contracts/units";
import { formatElapsed } from "@/components/format/duration";
import { UnitStatusChip } from "./unit-status-chip";
import { UnitStatusMenu } from "./unit-status-menu";
import type { TUnitOutcome } from "./use-unit-action";
import { formatClock } from "@/components/format/date-time";
import { Chip, chipClassName } from "@/components/ui/chip";
import { cx } from "@/components/ui/class-names";
import styles from "./unit-row.module.css";

/** The row's left edge in the unit's status colour. */
const STATUS_CLASS: Record<TResponderUnit["status"], string | undefined> = {
  available: styles.available,
  dispatched: styles.dispatched,
  enRoute: styles.enRoute,
  onScene: styles.onScene,
  returning: styles.returning,
  outOfService: styles.outOfService,
};

type TUnitRowProps = {
  unit: TResponderUnit;
  now: number | null;
  checkInSeconds: number;
  /** The incident's number when it is one of the open incidents the control room has loaded. */
  incidentNumber: string | null;
  isSelected: boolean;
  onSelect: (unit: TResponderUnit) => void;
  onOpenIncident: (incidentId: string) => void;
  onOutcome: (outcome: TUnitOutcome) => void;
};

export function UnitRow({ unit, now, checkInSeconds, incidentNumber, isSelected, onSelect, onOpenIncident, onOutcome }: TUnitRowProps) {
  const since = Date.parse(unit.statusSince);
  const isOverdue = now !== null && isCheckInOverdue(unit, now, checkInSeconds);
  return (
    <li
      className={cx(styles.row, STATUS_CLASS[unit.status], (isOverdue || unit.needsBackup) && styles.attention)}
      data-testid={`unit-row-${unit.id}`}
      data-status={unit.status}
    >
      <button
        type="button"
        className={styles.main}
        aria-pressed={isSelected}
        title={`Show ${unit.callSign} on the map`}
        onClick={() => onSelect(unit)}
      >
        <span className={styles.callsign}>{unit.callSign}</span>
        <UnitStatusChip status={unit.status} />
        {now !== null && (
          <time className={styles.since} dateTime={unit.statusSince} title={`Since ${formatClock(since)}`}>
            <span className="visually-hidden">for </span>
            {formatElapsed(now - since)}
          </time>
        )}
      </button>
      <UnitStatusMenu unit={unit} onOutcome={onOutcome} />
      {(unit.incidentId || isOverdue || unit.needsBackup || unit.outOfServiceReason) && (
        <div className={styles.tags}>
          {unit.incidentId && (
            <button
              type="button"
              className={chipClassName({ appearance: "tag", className: styles.incident })}
              onClick={() => onOpenIncident(unit.incidentId!)}
              aria-label={incidentNumber ? `Open incident ${incidentNumber}` : `Open the incident ${unit.callSign} is on`}
            >
              {incidentNumber ?? "Incident"}
            </button>
          )}
          {isOverdue && (
            <Chip appearance="tag" tone="hot">
              Check-in overdue
            </Chip>
          )}
          {unit.needsBackup && (
            <Chip appearance="tag" tone="warm">
              Backup requested
            </Chip>
          )}
          {unit.status === "outOfService" && unit.outOfServiceReason && (
            <span className={styles.reason} title={unit.outOfServiceReason}>
              {unit.outOfServiceReason}
            </span>
          )}
        </div>
      )}
    </li>
  );
}
