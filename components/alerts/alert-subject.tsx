"use client";

import type { TAlert } from "@/lib/contracts/alerts";
import { entityName } from "@/lib/city/entity-names";
import { useEntityIndex } from "@/components/city/use-entity-index";
import { LAYER_META } from "@/components/map/layer-meta";

/**
 * What an alert is about, by the name people use ("Portage Ave", "Bin on Main St", "E-1"); the internal id
 * only in the tooltip. While the city pack loads, the layer's name stands in.
 */
export function AlertSubject({ alert, className }: { alert: Pick<TAlert, "domain" | "entityId">; className?: string }) {
  const index = useEntityIndex();
  const name = index ? entityName(index, alert.domain, alert.entityId) : null;
  return (
    <span className={className} title={`${LAYER_META[alert.domain].label} · ${alert.entityId}`}>
      {name ?? LAYER_META[alert.domain].label}
    </span>
  );
}
