"use client";

import { useId } from "react";
import { ALERT_SEVERITIES, ZAlertSeverity } from "@/lib/contracts/alerts";
import { useDomainCatalog } from "@/components/domains/use-domain-catalog";
import type { TAlertFilters } from "./alert-cache";
import { SEVERITY_LABEL } from "./alert-labels";
import { FieldLabel } from "@/components/ui/field";
import { InlineCheck } from "@/components/ui/inline-check";
import { Select } from "@/components/ui/input";
import styles from "./alert-filters.module.css";

type TAlertFiltersProps = {
  filters: TAlertFilters;
  zones: readonly string[];
  onChange: (filters: TAlertFilters) => void;
  /** Silenced alerts are hidden from the queue unless this is ticked (the server sends them either way). */
  showSilenced: boolean;
  onShowSilencedChange: (show: boolean) => void;
  /** How many alerts are silenced now, shown beside the box so hidden ones are never a surprise. */
  silencedCount: number;
};

export function AlertFilters({ filters, zones, onChange, showSilenced, onShowSilencedChange, silencedCount }: TAlertFiltersProps) {
  const id = useId();
  const domains = useDomainCatalog();
  const zoneOptions = filters.zone && !zones.includes(filters.zone) ? [...zones, filters.zone] : zones;
  return (
    <div className={styles.filters} role="group" aria-label="Filter alerts">
      <div className={styles.filter}>
        <FieldLabel htmlFor={`${id}-domain`}>Domain</FieldLabel>
        <Select
          id={`${id}-domain`}
          controlSize="responsive"
          className={styles.select}
          value={filters.domain ?? ""}
          onChange={(event) => onChange({ ...filters, domain: event.target.value || undefined })}
        >
          <option value="">All</option>
          {domains.entries.map((domain) => (
            <option key={domain.id} value={domain.id}>
              {domain.label}
            </option>
          ))}
        </Select>
      </div>
      <div className={styles.filter}>
        <FieldLabel htmlFor={`${id}-severity`}>Severity</FieldLabel>
        <Select
          id={`${id}-severity`}
          controlSize="responsive"
          className={styles.select}
          value={filters.severity ?? ""}
          onChange={(event) => {
            const parsed = ZAlertSeverity.safeParse(event.target.value);
            onChange({ ...filters, severity: parsed.success ? parsed.data : undefined });
          }}
        >
          <option value="">All</option>
          {ALERT_SEVERITIES.map((severity) => (
            <option key={severity} value={severity}>
              {SEVERITY_LABEL[severity]}
            </option>
          ))}
        </Select>
      </div>
      <div className={styles.filter}>
        <FieldLabel htmlFor={`${id}-zone`}>Zone</FieldLabel>
        <Select
          id={`${id}-zone`}
          controlSize="responsive"
          className={styles.select}
          value={filters.zone ?? ""}
          onChange={(event) => onChange({ ...filters, zone: event.target.value || undefined })}
        >
          <option value="">All</option>
          {zoneOptions.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </Select>
      </div>
      <InlineCheck
        className={styles.silenced}
        checked={showSilenced}
        onChange={(event) => onShowSilencedChange(event.target.checked)}
        data-testid="alert-filter-show-silenced"
      >
        Show silenced{silencedCount > 0 ? ` (${silencedCount})` : ""}
      </InlineCheck>
    </div>
  );
}
