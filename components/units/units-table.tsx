import type { TResponderUnit } from "@/lib/contracts/units";
import { UNIT_TYPE_LABEL } from "@/lib/contracts/units";
import { capabilityShortLabel } from "./unit-labels";
import { UnitStatusChip } from "./unit-status-chip";
import { Button } from "@/components/ui/button";
import { Table } from "@/components/ui/table";
import styles from "./units-table.module.css";

type TUnitsTableProps = {
  units: readonly TResponderUnit[];
  stationNames: ReadonlyMap<string, string>;
  editingId: string | null;
  onEdit: (unit: TResponderUnit) => void;
};

/** A table on wide screens, a stack of cards on phones (same markup, CSS decides). */
export function UnitsTable({ units, stationNames, editingId, onEdit }: TUnitsTableProps) {
  return (
    <Table className={styles.table} scrollLabel="Units">
      <thead>
        <tr>
          <th scope="col">Call sign</th>
          <th scope="col">Type</th>
          <th scope="col">Station</th>
          <th scope="col">Capabilities</th>
          <th scope="col">Crew</th>
          <th scope="col">Status</th>
          <th scope="col">
            <span className="visually-hidden">Edit</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {units.map((unit) => (
          <tr
            key={unit.id}
            className={styles.row}
            data-testid="units-table-row"
            data-unit-id={unit.id}
            aria-current={unit.id === editingId ? "true" : undefined}
          >
            <td data-label="Call sign">
              <div>
                <span className={styles.name}>{unit.callSign}</span>
                {unit.id !== unit.callSign && <span className={styles.id}>{unit.id}</span>}
              </div>
            </td>
            <td data-label="Type">{UNIT_TYPE_LABEL[unit.type]}</td>
            <td data-label="Station">{stationNames.get(unit.stationId) ?? unit.stationId}</td>
            <td data-label="Capabilities">{unit.capabilities.length > 0 ? unit.capabilities.map(capabilityShortLabel).join(", ") : "—"}</td>
            <td data-label="Crew">{unit.crew.length > 0 ? unit.crew.map((person) => person.name).join(", ") : "—"}</td>
            <td data-label="Status">
              <UnitStatusChip status={unit.status} className={styles.status} />
            </td>
            <td className={styles.actions} data-label="Edit">
              <Button size="sm" data-edit-unit={unit.id} aria-label={`Edit ${unit.callSign}`} onClick={() => onEdit(unit)}>
                Edit
              </Button>
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
