"use client";

import { useEffect, useId, useRef, useState, type SubmitEvent } from "react";
import { INCIDENT_TYPES } from "@/lib/contracts/incidents";
import { useZoneNames } from "@/components/zones/use-zone-names";
import { INCIDENT_TYPE_LABEL, type TIncidentType } from "@/components/incidents/incident-labels";
import {
  dateInputsToRange,
  KPI_PRESETS,
  kpiFiltersToSearch,
  rangeToDateInputs,
  resolveKpiRange,
  type TKpiFilters,
  type TKpiPreset,
} from "./kpi-filters";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, FieldError, FieldLabel } from "@/components/ui/field";
import { Input, Select, selectClassName } from "@/components/ui/input";
import { Segmented, type TSegmentedOption } from "@/components/ui/segmented";
import styles from "./kpi-range-form.module.css";

type TKpiRangeFormProps = {
  /** The view in the URL. */
  filters: TKpiFilters;
  onApply: (filters: TKpiFilters) => void;
};

type TFormState = { period: TKpiPreset | "custom"; types: TIncidentType[]; zone: string; fromDay: string; toDay: string };

const PERIOD_OPTIONS: TSegmentedOption<TFormState["period"]>[] = [
  ...KPI_PRESETS.map((preset) => ({ value: preset.id, label: preset.label })),
  { value: "custom", label: "Custom" },
];

function formStateOf(filters: TKpiFilters): TFormState {
  const days = rangeToDateInputs(filters.range.kind === "custom" ? filters.range : resolveKpiRange(filters.range, Date.now()));
  return {
    period: filters.range.kind === "custom" ? "custom" : filters.range.preset,
    types: filters.types,
    zone: filters.zone ?? "",
    fromDay: days.from,
    toDay: days.to,
  };
}

/**
 * Period, incident types and zone. A quick range, a type or a zone applies at once; a custom range is
 * two dates and an Apply button (both days included, in the browser's calendar).
 */
export function KpiRangeForm({ filters, onApply }: TKpiRangeFormProps) {
  const id = useId();
  // The form answers a click at once and follows the URL when it moves (back/forward, a pasted link).
  // Not remounted on change: the types list stays open while several are ticked.
  const viewKey = kpiFiltersToSearch(filters);
  const [shownView, setShownView] = useState(viewKey);
  const [state, setState] = useState(() => formStateOf(filters));
  const [rangeError, setRangeError] = useState<string | null>(null);
  if (shownView !== viewKey) {
    setShownView(viewKey);
    setState(formStateOf(filters));
  }
  const { period, types, zone } = state;
  const zoneNames = useZoneNames();
  const custom = period === "custom";
  const update = (change: Partial<TFormState>) => setState((current) => ({ ...current, ...change }));

  const applyPreset = (preset: TKpiPreset) => {
    update({ period: preset });
    onApply({ ...filters, range: { kind: "preset", preset } });
  };
  const applyCustom = (event: SubmitEvent) => {
    event.preventDefault();
    const range = dateInputsToRange(state.fromDay, state.toDay);
    if (!range) {
      setRangeError("Pick a start date and an end date on or after it.");
      return;
    }
    setRangeError(null);
    onApply({ ...filters, range });
  };
  const toggleType = (type: TIncidentType, on: boolean) => {
    const picked = new Set(types);
    if (on) picked.add(type);
    else picked.delete(type);
    const next = INCIDENT_TYPES.filter((t) => picked.has(t));
    update({ types: next });
    onApply({ ...filters, types: next });
  };
  const applyZone = (value: string) => {
    update({ zone: value });
    onApply({ ...filters, zone: value || undefined });
  };
  const typesRef = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const closeOnOutsideClick = (event: PointerEvent) => {
      const details = typesRef.current;
      if (details?.open && !details.contains(event.target as Node)) details.open = false;
    };
    document.addEventListener("pointerdown", closeOnOutsideClick);
    return () => document.removeEventListener("pointerdown", closeOnOutsideClick);
  }, []);
  const zones = zone && !zoneNames.includes(zone) ? [...zoneNames, zone] : zoneNames;
  const typeSummary = types.length === 0 ? "All types" : types.length === 1 ? INCIDENT_TYPE_LABEL[types[0]] : `${types.length} types`;

  return (
    <Card
      as="form"
      className={styles.filters}
      onSubmit={applyCustom}
      role="search"
      aria-label="Choose the period and incidents"
      data-testid="kpi-range-form"
    >
      <Segmented
        className={styles.period}
        appearance="pills"
        legend="Period"
        name="period"
        options={PERIOD_OPTIONS}
        value={period}
        onChange={(next) => (next === "custom" ? update({ period: "custom" }) : applyPreset(next))}
      />

      {custom && (
        <div className={styles.custom}>
          <Field>
            <FieldLabel htmlFor={`${id}-from`}>From (first day)</FieldLabel>
            <Input
              id={`${id}-from`}
              type="date"
              value={state.fromDay}
              onChange={(e) => update({ fromDay: e.target.value })}
              required
              aria-invalid={rangeError ? true : undefined}
            />
          </Field>
          <Field>
            <FieldLabel htmlFor={`${id}-to`}>To (last day)</FieldLabel>
            <Input
              id={`${id}-to`}
              type="date"
              value={state.toDay}
              onChange={(e) => update({ toDay: e.target.value })}
              required
              aria-invalid={rangeError ? true : undefined}
              aria-describedby={rangeError ? `${id}-range-error` : undefined}
            />
          </Field>
          <Button type="submit" variant="primary">
            Apply range
          </Button>
          {rangeError && (
            <FieldError className={styles.error} id={`${id}-range-error`} role="alert">
              {rangeError}
            </FieldError>
          )}
        </div>
      )}

      <div className={styles.row}>
        <details
          className={styles.types}
          // A dropdown, not a disclosure: it closes on Escape and when focus leaves it.
          onKeyDown={(event) => {
            if (event.key !== "Escape" || !event.currentTarget.open) return;
            event.currentTarget.open = false;
            event.currentTarget.querySelector("summary")?.focus();
          }}
          onBlur={(event) => {
            // Tabbing away; a click elsewhere is handled below (Safari does not focus clicked checkboxes).
            const next = event.relatedTarget as Node | null;
            if (next && !event.currentTarget.contains(next)) event.currentTarget.open = false;
          }}
          ref={typesRef}
        >
          <summary className={selectClassName("md", styles.typesSummary)}>
            <span className="visually-hidden">Incident types: </span>
            {typeSummary}
          </summary>
          <fieldset className={styles.typesList}>
            <legend className="visually-hidden">Incident types (none ticked: all)</legend>
            {INCIDENT_TYPES.map((type) => (
              <label key={type} className={styles.typesOption}>
                <input type="checkbox" checked={types.includes(type)} onChange={(e) => toggleType(type, e.target.checked)} />
                <span>{INCIDENT_TYPE_LABEL[type]}</span>
              </label>
            ))}
          </fieldset>
        </details>
        <Field className={styles.zone}>
          <label className="visually-hidden" htmlFor={`${id}-zone`}>
            Zone
          </label>
          <Select id={`${id}-zone`} value={zone} onChange={(e) => applyZone(e.target.value)}>
            <option value="">All zones</option>
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </Select>
        </Field>
        {(types.length > 0 || zone) && (
          <Button variant="ghost" onClick={() => onApply({ range: filters.range, types: [] })}>
            All types and zones
          </Button>
        )}
      </div>
    </Card>
  );
}
