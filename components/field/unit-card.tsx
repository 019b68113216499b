import { UNIT_STATUS_LABEL, UNIT_TYPE_LABEL, type TResponderUnit } from "@/lib/contracts/units";
import type { TCrewView } from "./field-actions";

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
    <section className="crew-unit" aria-label="Your unit" data-testid="field-unit" data-status={view.status} data-unit-id={unit.id}>
      <div className="crew-unit__name">
        <h1 className="crew-unit__call-sign">{unit.callSign}</h1>
        <span className="crew-unit__type">{UNIT_TYPE_LABEL[unit.type]}</span>
      </div>
      <p className={`crew-status crew-status--${view.status}`}>
        <span className="visually-hidden">Status: </span>
        {UNIT_STATUS_LABEL[view.status]}
        {unsent && <span className="crew-status__unsent"> · not sent yet</span>}
      </p>
      {view.needsBackup && <p className="crew-unit__flag">Backup requested</p>}
      <p className="crew-unit__crew">
        Crew member <strong data-testid="field-crew-name">{crewName}</strong>
      </p>
    </section>
  );
}
