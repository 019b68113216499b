import type { TUnitStatus } from "@/lib/contracts/events";
import { UNIT_STATUS_LABEL } from "@/components/map/layers/unit-styles";
import { Chip } from "@/components/ui/chip";

/** The status in words, in its status colour (the same as the unit's ring on the map). */
export function UnitStatusChip({ status, className }: { status: TUnitStatus; className?: string }) {
  return (
    <Chip appearance="status" color={`var(--unit-${status})`} mark={status === "outOfService" ? "ring" : "circle"} className={className}>
      {UNIT_STATUS_LABEL[status]}
    </Chip>
  );
}
