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

function Choice<T extends string>({ legend, name, values, labels, value, onChange }: {
  legend: string;
  name: string;
  values: readonly T[];
  labels: Record<T, string>;
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="analysis-choice">
      <FieldLabel as="legend">{legend}</FieldLabel>
      <div className="analysis-choice__options">
        {values.map((v) => (
          <label key={v} className="analysis-choice__option">
            <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} />
            <span>{labels[v]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

const RANGE_LABEL = Object.fromEntries([...RANGE_PRESETS.map((p) => [p.id, p.label]), ["custom", "Custom"]]) as Record<TRangeChoice, string>;
const RANGE_CHOICES = Object.keys(RANGE_LABEL) as TRangeChoice[];

/** Where incidents or alerts piled up in a time range: what to aggregate, how to draw it, over when. */
export function HotspotsPanel({ params, onChange, count, truncated, error, onRetry }: THotspotsPanelProps) {
  const idPrefix = useId();
  const [range, setRange] = useState<TRangeChoice>(params.range);
  const [from, setFrom] = useState(isoToLocalInput(params.from));
  const [to, setTo] = useState(isoToLocalInput(params.to));
  const fromIso = localInputToIso(from);
  const toIso = localInputToIso(to);
  const customError =
    range !== "custom" ? null : !fromIso ? "Pick a start" : toIso && Date.parse(toIso) <= Date.parse(fromIso) ? "The end must be after the start" : null;

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
    <div className="analysis-panel__section">
      <Choice legend="Show" name={`${idPrefix}-kind`} values={HOTSPOT_KINDS} labels={KIND_LABEL} value={params.kind} onChange={(kind) => onChange({ ...params, kind })} />
      <Choice legend="Draw as" name={`${idPrefix}-style`} values={HOTSPOT_STYLES} labels={STYLE_LABEL} value={params.style} onChange={(style) => onChange({ ...params, style })} />
      <Choice legend="Time range" name={`${idPrefix}-range`} values={RANGE_CHOICES} labels={RANGE_LABEL} value={range} onChange={chooseRange} />
      {range === "custom" && (
        <form className="analysis-custom-range" onSubmit={applyCustom} noValidate>
          <Field as="label">
            <FieldLabel as="span">From</FieldLabel>
            <input className="input" type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} aria-invalid={!fromIso} />
          </Field>
          <Field as="label">
            <FieldLabel as="span">To (empty: now)</FieldLabel>
            <input className="input" type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
          </Field>
          {customError && <FieldError>{customError}</FieldError>}
          <Button type="submit" disabled={customError !== null}>
            Apply range
          </Button>
        </form>
      )}

      <div className="analysis-summary" role="status" aria-live="polite">
        {error ? (
          <div className="analysis-summary__error">
            <span>The {what} could not be loaded: {errorMessage(error)}</span>
            <Button onClick={onRetry}>
              Try again
            </Button>
          </div>
        ) : count === null ? (
          <span className="muted">Loading {what}…</span>
        ) : (
          <span>
            <strong>{formatInt(count)}</strong> {count === 1 ? what.replace(/s$/, "") : what} in this range
            {truncated && <span className="analysis-summary__note"> (the newest {formatInt(POINTS_LIMIT)} only)</span>}
          </span>
        )}
      </div>
      <div className="legend-ramp" aria-label={params.style === "hexagon" ? `Colour: ${what} per hexagon, few to many` : `Colour: density of ${what}, low to high`}>
        <span
          className="legend-ramp__bar"
          style={{ background: `linear-gradient(90deg, ${HOTSPOT_COLORS.map((c) => `rgb(${c[0]} ${c[1]} ${c[2]})`).join(", ")})` }}
          aria-hidden="true"
        />
        <span className="legend-ramp__labels" aria-hidden="true">
          <span>{params.style === "hexagon" ? "Few per hexagon" : "Sparse"}</span>
          <span>{params.style === "hexagon" ? "Many" : "Dense"}</span>
        </span>
      </div>
    </div>
  );
}
