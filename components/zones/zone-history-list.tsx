"use client";

import { useQuery } from "@tanstack/react-query";
import { formatDateTime } from "@/components/format/date-time";
import { Card, CardTitle } from "@/components/ui/card";
import { DataSection } from "@/components/ui/data-section";
import type { TZone, TZoneRevision } from "@/lib/contracts/zones";
import { polygonsOf } from "@/lib/zone-geometry";
import { ZONE_KIND_LABEL } from "./zone-kinds";
import { zoneHistoryQuery } from "./zone-queries";
import styles from "./zones-admin.module.css";

const CHANGE_WORD: Record<TZoneRevision["change"], string> = { created: "Created", updated: "Changed", removed: "Removed" };

function cornersOf(revision: TZoneRevision): number {
  return polygonsOf(revision.geometry).reduce((sum, rings) => sum + rings[0].length - 1, 0);
}

/** Every saved state of one zone, newest first: who changed it, when, and to what. */
export function ZoneHistoryList({ zone }: { zone: TZone }) {
  const history = useQuery(zoneHistoryQuery(zone.id));
  return (
    <Card aria-label={`History of ${zone.name}`} data-testid="zone-history">
      <CardTitle as="h3">History</CardTitle>
      <DataSection query={history} loading="Loading its history…" failed="The history could not be loaded">
        {({ revisions }) => (
          <ol className={styles.history}>
            {revisions.map((revision) => (
              <li key={revision.version}>
                <strong>{CHANGE_WORD[revision.change]}</strong> {formatDateTime(revision.changedAt, { withSeconds: false })} by{" "}
                {revision.changedBy?.name ?? "the system"}
                <br />
                <small>
                  {revision.name}, {ZONE_KIND_LABEL[revision.kind]}, {cornersOf(revision)} corners
                </small>
              </li>
            ))}
          </ol>
        )}
      </DataSection>
    </Card>
  );
}
