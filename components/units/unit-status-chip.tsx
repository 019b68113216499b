import type { TUnitStatus } from "@/lib/contracts/events";
import { UNIT_STATUS_LABEL } from "@/components/map/layers/unit-styles";

/** The status in words, in its status colour (the same as the unit's ring on the map). */
export function UnitStatusChip({ status }: { status: TUnitStatus }) {
  return (
    <span className={`unit-status unit-status--${status}`}>
      <span className="unit-status__mark" aria-hidden="true" />
      {UNIT_STATUS_LABEL[status]}
    </span>
  );
}
