"use client";

import type { TAlert } from "@/lib/contracts/alerts";
import { entityName } from "@/lib/city/entity-names";
import { useEntityIndex } from "@/components/city/use-entity-index";
import { useDomainCatalog } from "@/components/domains/use-domain-catalog";

/**
 * What an alert is about, by the name people use ("Portage Ave", "Bin on Main St", "E-1"); the internal id
 * only in the tooltip. While the city pack loads, the layer's name stands in.
 */
export function AlertSubject({ alert, className }: { alert: Pick<TAlert, "domain" | "entityId">; className?: string }) {
  const index = useEntityIndex();
  const domains = useDomainCatalog();
  const name = index ? entityName(index, alert.domain, alert.entityId) : null;
  const label = domains.label(alert.domain);
  return (
    <span className={className} title={`${label} · ${alert.entityId}`}>
      {name ?? label}
    </span>
  );
}
