"use client";

import { useId } from "react";
import {
  DEAD_LETTER_REASON_KINDS,
  DEAD_LETTER_STATUSES,
  ZDeadLetterReasonKind,
  type TDeadLetterStatus,
} from "@/lib/contracts/dead-letters";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, FieldLabel } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { Segmented } from "@/components/ui/segmented";
import { hasDeadLetterFilters, type TDeadLetterFilters } from "./dead-letter-filters";
import { REASON_KIND_LABEL, STATUS_LABEL } from "./dead-letter-labels";
import styles from "./dead-letter-filter-form.module.css";

type TDeadLetterFilterFormProps = {
  filters: TDeadLetterFilters;
  /** The sources letters came from lately (GET /api/dead-letters/counts), offered in the source filter. */
  sources: readonly string[];
  onApply: (filters: TDeadLetterFilters) => void;
};

/** Each choice applies at once (the filters are part of the link). */
export function DeadLetterFilterForm({ filters, sources, onApply }: TDeadLetterFilterFormProps) {
  const id = useId();
  // A source from a shared link may be older than the counts' window: keep it selectable.
  const sourceOptions = filters.source && !sources.includes(filters.source) ? [filters.source, ...sources] : sources;
  const status: TDeadLetterStatus = filters.status ?? "open";
  return (
    <Card className={styles.filters} role="search" aria-label="Filter the dead letters" data-testid="dead-letter-filters">
      <div className={styles.grid}>
        <Field>
          <FieldLabel htmlFor={`${id}-reason`}>Reason</FieldLabel>
          <Select
            id={`${id}-reason`}
            controlSize="sm"
            value={filters.reason ?? ""}
            onChange={(event) => {
              const reason = ZDeadLetterReasonKind.safeParse(event.target.value);
              onApply({ ...filters, reason: reason.success ? reason.data : undefined });
            }}
          >
            <option value="">Any reason</option>
            {DEAD_LETTER_REASON_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {REASON_KIND_LABEL[kind]}
              </option>
            ))}
          </Select>
        </Field>
        <Field>
          <FieldLabel htmlFor={`${id}-source`}>Source topic</FieldLabel>
          <Select
            id={`${id}-source`}
            controlSize="sm"
            value={filters.source ?? ""}
            onChange={(event) => onApply({ ...filters, source: event.target.value || undefined })}
          >
            <option value="">Any source</option>
            {sourceOptions.map((topic) => (
              <option key={topic} value={topic}>
                {topic}
              </option>
            ))}
          </Select>
        </Field>
        <Segmented
          legend="Show"
          name={`${id}-status`}
          appearance="pills"
          size="sm"
          options={DEAD_LETTER_STATUSES.map((value) => ({ value, label: STATUS_LABEL[value] }))}
          value={status}
          onChange={(next) => onApply({ ...filters, status: next === "open" ? undefined : next })}
        />
      </div>
      {hasDeadLetterFilters(filters) && (
        <div>
          <Button variant="ghost" size="sm" onClick={() => onApply({})}>
            Clear filters
          </Button>
        </div>
      )}
    </Card>
  );
}
