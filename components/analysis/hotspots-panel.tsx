"use client";

import { useId, useState, type FormEvent } from "react";
import { errorMessage } from "@/components/api/request-json";
import { isoToLocalInput, localInputToIso } from "@/components/audit/audit-filters";
import { POINTS_LIMIT } from "@/lib/contracts/history";
import { HOTSPOT_KINDS, HOTSPOT_STYLES, RANGE_PRESETS, type TAnalysisParams, type TRangeChoice } from "./analysis-params";
import { HOTSPOT_COLORS } from "./hotspot-layers";
import { formatInt } from "@/components/format/number";
import { Button } from "@/components/ui/button";
import { Field, FieldError, FieldLabel } from "@/components/ui/field";
import { Segmented, type TSegmentedOption } from "@/components/ui/segmented";
import { Input } from "@/components/ui/input";
import panelStyles from "./analysis-panel.module.css";
import styles from "./hotspots-panel.module.css";

const KIND_LABEL = { incidents: "Incidents", alerts: "Alerts" } as const;
const STYLE_LABEL = { heatmap: "Heatmap", hexagon: "Hexagons" } as const;

type THotspotsPanelProps = {
  params: TAnalysisParams;
  onChange: (next: TAnalysisParams) => void;
  /** null while loading. */
  count: number | null;
  truncated: boolean;
  error: unknown;
  onRetry: () => void;
};

/** One radio pill per value. */
const optionsOf = <T extends string>(values: readonly T[], labels: Record<T, string>): TSegmentedOption<T>[] =>
  values.map((value) => ({ value, label: labels[value] }));

const RANGE_LABEL = Object.fromEntries([...RANGE_PRESETS.map((p) => [p.id, p.label]), ["custom", "Custom"]]) as Record<
  TRangeChoice,
  string
>;
const KIND_OPTIONS = optionsOf(HOTSPOT_KINDS, KIND_LABEL);
const STYLE_OPTIONS = optionsOf(HOTSPOT_STYLES, STYLE_LABEL);
const RANGE_OPTIONS = optionsOf(Object.keys(RANGE_LABEL) as TRangeChoice[], RANGE_LABEL);

/** Where incidents or alerts piled up in a time range: what to aggregate, how to draw it, over when. */
export function HotspotsPanel({ params, onChange, count, truncated, error, onRetry }: THotspotsPanelProps) {
  const idPrefix = useId();
  const [range, setRange] = useState<TRangeChoice>(params.range);
  const [from, setFrom] = useState(isoToLocalInput(params.from));
  const [to, setTo] = useState(isoToLocalInput(params.to));
  const fromIso = localInputToIso(from);
  const toIso = localInputToIso(to);
  const customError =
    range !== "custom"
      ? null
      : !fromIso
        ? "Pick a start"
        : toIso && Date.parse(toIso) <= Date.parse(fromIso)
          ? "The end must be after the start"
          : null;

  const chooseRange = (next: TRangeChoice) => {
    setRange(next);
    if (next !== "custom") onChange({ ...params, range: next, from: undefined, to: undefined });
  };
  const applyCustom = (event: FormEvent) => {
    event.preventDefault();
    if (customError || !fromIso) return;
    onChange({ ...params, range: "custom", from: fromIso, to: toIso });
  };
  const what = KIND_LABEL[params.kind].toLowerCase();

  return (
    <div className={panelStyles.section}>
      <Segmented
        appearance="pills"
        size="sm"
        legend="Show"
        name={`${idPrefix}-kind`}
        options={KIND_OPTIONS}
        value={params.kind}
        onChange={(kind) => onChange({ ...params, kind })}
      />
      <Segmented
        appearance="pills"
        size="sm"
        legend="Draw as"
        name={`${idPrefix}-style`}
        options={STYLE_OPTIONS}
        value={params.style}
        onChange={(style) => onChange({ ...params, style })}
      />
      <Segmented
        appearance="pills"
        size="sm"
        legend="Time range"
        name={`${idPrefix}-range`}
        options={RANGE_OPTIONS}
        value={range}
        onChange={chooseRange}
      />
      {range === "custom" && (
        <form className={styles.customRange} onSubmit={applyCustom} noValidate>
          <Field as="label">
            <FieldLabel as="span">From</FieldLabel>
            <Input type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} aria-invalid={!fromIso} />
          </Field>
          <Field as="label">
            <FieldLabel as="span">To (empty: now)</FieldLabel>
            <Input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
          </Field>
          {customError && <FieldError>{customError}</FieldError>}
          <Button type="submit" disabled={customError !== null}>
            Apply range
          </Button>
        </form>
      )}

      <div className={styles.summary} role="status" aria-live="polite">
        {error ? (
          <div className={styles.error}>
            <span>
              The {what} could not be loaded: {errorMessage(error)}
            </span>
            <Button onClick={onRetry}>Try again</Button>
          </div>
        ) : count === null ? (
          <span className="muted">Loading {what}…</span>
        ) : (
          <span>
            <strong>{formatInt(count)}</strong> {count === 1 ? what.replace(/s$/, "") : what} in this range
            {truncated && <span className={styles.note}> (the newest {formatInt(POINTS_LIMIT)} only)</span>}
          </span>
        )}
      </div>
      <div
        role="img"
        aria-label={params.style === "hexagon" ? `Colour: ${what} per hexagon, few to many` : `Colour: density of ${what}, low to high`}
      >
        <span
          className={styles.rampBar}
          style={{ background: `linear-gradient(90deg, ${HOTSPOT_COLORS.map((c) => `rgb(${c[0]} ${c[1]} ${c[2]})`).join(", ")})` }}
          aria-hidden="true"
        />
        <span className={styles.rampLabels} aria-hidden="true">
          <span>{params.style === "hexagon" ? "Few per hexagon" : "Sparse"}</span>
          <span>{params.style === "hexagon" ? "Many" : "Dense"}</span>
        </span>
      </div>
    </div>
  );
}
