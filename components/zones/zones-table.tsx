"use client";

import { formatDateTime } from "@/components/format/date-time";
import { Button } from "@/components/ui/button";
import { ActionsHeader, Table } from "@/components/ui/table";
import type { TZone } from "@/lib/contracts/zones";
import { ZONE_KIND_LABEL } from "./zone-kinds";
import styles from "./zones-admin.module.css";

/** Every zone, by kind then name; "Edit" selects it on the map and in the editor. */
export function ZonesTable({
  zones,
  selectedId,
  onSelect,
}: {
  zones: readonly TZone[];
  selectedId: string | null;
  onSelect: (zone: TZone) => void;
}) {
  const sorted = [...zones].sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
  return (
    <Table scrollLabel="Zones">
      <thead>
        <tr>
          <th scope="col">Zone</th>
          <th scope="col">Kind</th>
          <th scope="col">Last change</th>
          <ActionsHeader />
        </tr>
      </thead>
      <tbody>
        {sorted.map((zone) => (
          <tr key={zone.id} data-testid="zone-row" aria-current={zone.id === selectedId ? "true" : undefined}>
            <td data-label="Zone">
              <span className={styles.zoneName}>
                <span className={styles.swatch} data-kind={zone.kind} aria-hidden="true" />
                {zone.name}
              </span>
            </td>
            <td data-label="Kind">{ZONE_KIND_LABEL[zone.kind]}</td>
            <td data-label="Last change">
              {formatDateTime(zone.updatedAt, { withSeconds: false })}, {zone.updatedBy?.name ?? "the system"}
            </td>
            <td>
              <Button size="sm" variant="ghost" onClick={() => onSelect(zone)} aria-label={`Edit ${zone.name}`}>
                Edit
              </Button>
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
