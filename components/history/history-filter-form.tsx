"use client";

import { useId, useRef, type FormEvent } from "react";
import { ALERT_SEVERITIES, ALERT_STATUSES } from "@/lib/contracts/alerts";
import { INCIDENT_PRIORITIES, INCIDENT_STATUSES, INCIDENT_TYPES } from "@/lib/contracts/incidents";
import { SEVERITY_LABEL } from "@/components/alerts/alert-labels";
import { isoToLocalInput, localInputToIso } from "@/components/audit/audit-filters";
import { useDomainCatalog } from "@/components/domains/use-domain-catalog";
import { INCIDENT_STATUS_LABEL, INCIDENT_TYPE_LABEL } from "@/components/incidents/incident-labels";
import { CheckboxGroup } from "./checkbox-group";
import { domainList, withFilter, type THistoryView } from "./history-filters";
import { ALERT_STATUS_LABEL, PRIORITY_SHORT } from "./history-labels";
import { presetRange, RANGE_PRESETS } from "./range-presets";
import { useZoneNames } from "@/components/zones/use-zone-names";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, FieldLabel } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import styles from "./history-filter-form.module.css";

type TChoice = { id: string; label: string };

type THistoryFilterFormProps = {
  /** The view in the URL; the form is remounted (keyed) when its filter changes. */
  view: THistoryView;
  units: readonly TChoice[] | null;
  operators: readonly TChoice[] | null;
  /** The same view with the form's filter, from its first page. */
  onApply: (view: THistoryView) => void;
  onClear: (() => void) | null;
};

function listOf<T extends string>(data: FormData, name: string, allowed: readonly T[]): T[] | undefined {
  const picked = new Set(data.getAll(name).map(String));
  const list = allowed.filter((value) => picked.has(value));
  return list.length > 0 ? list : undefined;
}

/** Choices with the current value kept even when the list does not know it (an old unit, a shared link). */
function withCurrent(choices: readonly TChoice[] | null, current: string | undefined): TChoice[] {
  const list = [...(choices ?? [])];
  if (current && !list.some((c) => c.id === current)) list.push({ id: current, label: current });
  return list;
}

export function HistoryFilterForm({ view, units, operators, onApply, onClear }: THistoryFilterFormProps) {
  const id = useId();
  const zoneNames = useZoneNames();
  const domains = useDomainCatalog();
  const { filter } = view;
  // Set by a quick-range button just before it submits the form, so edits made elsewhere in it are kept.
  const preset = useRef<string | null>(null);

  const onSubmit = (event: FormEvent<HTMLElement>) => {
    event.preventDefault();
    // Card types its element as any HTMLElement; here it is the <form>.
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? "").trim() || undefined;
    const range = preset.current
      ? presetRange(preset.current, new Date())
      : { from: localInputToIso(String(data.get("from") ?? "")), to: localInputToIso(String(data.get("to") ?? "")) };
    preset.current = null;
    const shared = { ...range, zone: text("zone"), operator: text("operator"), q: text("q") };
    if (view.tab === "alerts") {
      onApply(
        withFilter(view, {
          ...shared,
          domain: domainList(data.getAll("domain").map(String)),
          severity: listOf(data, "severity", ALERT_SEVERITIES),
          status: listOf(data, "status", ALERT_STATUSES),
        }),
      );
    } else {
      onApply(
        withFilter(view, {
          ...shared,
          type: listOf(data, "type", INCIDENT_TYPES),
          priority: listOf(data, "priority", INCIDENT_PRIORITIES),
          status: listOf(data, "status", INCIDENT_STATUSES),
          unit: text("unit"),
        }),
      );
    }
  };

  return (
    <Card
      as="form"
      className={styles.filters}
      onSubmit={onSubmit}
      role="search"
      aria-label={`Filter ${view.tab}`}
      data-testid="history-filter-form"
    >
      <div className={styles.range}>
        <Field>
          <FieldLabel htmlFor={`${id}-from`}>From</FieldLabel>
          <Input id={`${id}-from`} name="from" type="datetime-local" defaultValue={isoToLocalInput(filter.from)} />
        </Field>
        <Field>
          <FieldLabel htmlFor={`${id}-to`}>To</FieldLabel>
          <Input id={`${id}-to`} name="to" type="datetime-local" defaultValue={isoToLocalInput(filter.to)} />
        </Field>
        <div className={styles.presets} role="group" aria-label="Quick ranges">
          {RANGE_PRESETS.map(({ id: presetId, label }) => (
            <Button
              key={presetId}
              variant="ghost"
              className={styles.preset}
              onClick={(event) => {
                preset.current = presetId;
                event.currentTarget.form?.requestSubmit();
              }}
            >
              {label}
            </Button>
          ))}
        </div>
      </div>

      {view.tab === "incidents" ? (
        <>
          <CheckboxGroup legend="Type" name="type" options={INCIDENT_TYPES} labels={INCIDENT_TYPE_LABEL} checked={view.filter.type} />
          <div className={styles.pair}>
            <CheckboxGroup
              legend="Priority"
              name="priority"
              options={INCIDENT_PRIORITIES}
              labels={PRIORITY_SHORT}
              checked={view.filter.priority}
            />
            <CheckboxGroup
              legend="Status"
              name="status"
              options={INCIDENT_STATUSES}
              labels={INCIDENT_STATUS_LABEL}
              checked={view.filter.status}
            />
          </div>
        </>
      ) : (
        <>
          <CheckboxGroup<string>
            legend="Domain"
            name="domain"
            options={domains.entries.map((d) => d.id)}
            labels={Object.fromEntries(domains.entries.map((d) => [d.id, d.label]))}
            checked={view.filter.domain}
          />
          <div className={styles.pair}>
            <CheckboxGroup
              legend="Severity"
              name="severity"
              options={ALERT_SEVERITIES}
              labels={SEVERITY_LABEL}
              checked={view.filter.severity}
            />
            <CheckboxGroup
              legend="Status"
              name="status"
              options={ALERT_STATUSES}
              labels={ALERT_STATUS_LABEL}
              checked={view.filter.status}
            />
          </div>
        </>
      )}

      <div className={styles.grid}>
        <Field>
          <FieldLabel htmlFor={`${id}-zone`}>Zone</FieldLabel>
          <Input
            id={`${id}-zone`}
            name="zone"
            defaultValue={filter.zone ?? ""}
            placeholder="Any zone"
            list={`${id}-zones`}
            autoComplete="off"
          />
          <datalist id={`${id}-zones`}>
            {zoneNames.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </Field>
        {view.tab === "incidents" && (
          <Field>
            <FieldLabel htmlFor={`${id}-unit`}>Unit</FieldLabel>
            {units ? (
              <Select id={`${id}-unit`} name="unit" defaultValue={view.filter.unit ?? ""}>
                <option value="">Any unit</option>
                {withCurrent(units, view.filter.unit).map((unit) => (
                  <option key={unit.id} value={unit.id}>
                    {unit.label}
                  </option>
                ))}
              </Select>
            ) : (
              <Input
                id={`${id}-unit`}
                name="unit"
                defaultValue={view.filter.unit ?? ""}
                placeholder="Unit id, e.g. unit-e-1"
                spellCheck={false}
                autoCapitalize="none"
              />
            )}
          </Field>
        )}
        <Field>
          <FieldLabel htmlFor={`${id}-operator`}>{view.tab === "incidents" ? "Operator (created or acted)" : "Acknowledged by"}</FieldLabel>
          <Select id={`${id}-operator`} name="operator" defaultValue={filter.operator ?? ""}>
            <option value="">Anyone</option>
            {withCurrent(operators, filter.operator).map((user) => (
              <option key={user.id} value={user.id}>
                {user.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field className={styles.text}>
          <FieldLabel htmlFor={`${id}-q`}>
            {view.tab === "incidents" ? "Words in description, address or notes" : "Words in message or rule"}
          </FieldLabel>
          <Input id={`${id}-q`} name="q" type="search" defaultValue={filter.q ?? ""} maxLength={200} placeholder="e.g. smoke main" />
        </Field>
      </div>

      <div className={styles.actions}>
        <Button type="submit" variant="primary">
          Apply filters
        </Button>
        {onClear && (
          <Button variant="ghost" onClick={onClear}>
            Clear
          </Button>
        )}
      </div>
    </Card>
  );
}
