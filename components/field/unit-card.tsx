import { cx } from "@/components/ui/class-names";
import { UNIT_STATUS_LABEL, UNIT_TYPE_LABEL, type TResponderUnit, type TUnitStatus } from "@/lib/contracts/units";
import type { TCrewView } from "./field-actions";
import styles from "./unit-card.module.css";

const STATUS_CLASS: Record<TUnitStatus, string | undefined> = {
  available: styles.available,
  dispatched: styles.dispatched,
  enRoute: styles.enRoute,
  onScene: styles.onScene,
  returning: styles.returning,
  outOfService: styles.outOfService,
};

type TUnitCardProps = {
  unit: TResponderUnit;
  /** The status with the crew's unsent taps applied: "En route" shows the moment it is tapped. */
  view: TCrewView;
  /** Some of the crew's taps have not reached the control room yet. */
  unsent: boolean;
  crewName: string;
};

export function UnitCard({ unit, view, unsent, crewName }: TUnitCardProps) {
  return (
    <section className={styles.unit} aria-label="Your unit" data-testid="field-unit" data-status={view.status} data-unit-id={unit.id}>
      <div className={styles.name}>
        <h1 className={styles.callSign}>{unit.callSign}</h1>
        <span className={styles.type}>{UNIT_TYPE_LABEL[unit.type]}</span>
      </div>
      <p className={cx(styles.status, STATUS_CLASS[view.status])}>
        <span className="visually-hidden">Status: </span>
        {UNIT_STATUS_LABEL[view.status]}
        {unsent && <span className={styles.unsent}> · not sent yet</span>}
      </p>
      {view.needsBackup && <p className={styles.flag}>Backup requested</p>}
      <p className={styles.crew}>
        Crew member <strong data-testid="field-crew-name">{crewName}</strong>
      </p>
    </section>
  );
}
