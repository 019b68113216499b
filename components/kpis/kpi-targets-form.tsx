"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { KPI_METRICS, type TKpiMetric, type TKpiTargets } from "@/lib/contracts/history";
import { errorMessage } from "@/components/api/request-json";
import { minutesInputToSeconds, secondsToMinutesInput } from "./kpi-format";
import { KPI_METRIC_LABEL } from "./kpi-labels";
import { kpiTargetsQuery } from "./kpi-queries";
import { useSaveKpiTargets } from "./use-save-kpi-targets";
import { Button } from "@/components/ui/button";
import { Card, CardSubtitle, CardTitle } from "@/components/ui/card";
import { cx } from "@/components/ui/class-names";
import { Field, FieldError, FieldLabel } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import styles from "./kpi-targets-form.module.css";

type TDraft = Record<TKpiMetric, string>;
type TOutcome = { tone: "ok" | "error"; message: string };

const OUTCOME_CLASS = { ok: styles.ok, error: styles.error } as const;

const draftOf = (targets: TKpiTargets["targets"]): TDraft =>
  Object.fromEntries(KPI_METRICS.map((metric) => [metric, secondsToMinutesInput(targets[metric])])) as TDraft;

/** The supervisors' targets, in minutes; blank means none. Saved together, audited; only changed ones are sent. */
export function KpiTargetsForm() {
  const targets = useQuery(kpiTargetsQuery());
  return (
    <Card aria-labelledby="kpi-targets-title">
      <CardTitle id="kpi-targets-title">Targets</CardTitle>
      <CardSubtitle>Each figure is compared with its target. Leave a field blank for no target.</CardSubtitle>
      {targets.isPending ? (
        <p role="status">
          <Spinner inline /> Loading targets…
        </p>
      ) : targets.isError ? (
        <div role="alert" className={styles.loadError}>
          <p>The targets could not be loaded: {errorMessage(targets.error)}</p>
          <Button onClick={() => void targets.refetch()}>Try again</Button>
        </div>
      ) : (
        <TargetsFields saved={targets.data.targets} />
      )}
    </Card>
  );
}

function TargetsFields({ saved }: { saved: TKpiTargets["targets"] }) {
  const id = useId();
  const initial = draftOf(saved);
  const [draft, setDraft] = useState<TDraft>(initial);
  const [errors, setErrors] = useState<Partial<Record<TKpiMetric, string>>>({});
  const [outcome, setOutcome] = useState<TOutcome | null>(null);
  const save = useSaveKpiTargets();
  const changed = KPI_METRICS.filter((metric) => draft[metric].trim() !== initial[metric]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const request: TKpiTargets = { targets: {} };
    const fieldErrors: Partial<Record<TKpiMetric, string>> = {};
    for (const metric of changed) {
      const parsed = minutesInputToSeconds(draft[metric]);
      if ("error" in parsed) fieldErrors[metric] = parsed.error;
      else request.targets[metric] = parsed.seconds;
    }
    setErrors(fieldErrors);
    if (Object.keys(fieldErrors).length > 0) {
      setOutcome({ tone: "error", message: "Some targets are not valid." });
      return;
    }
    save.mutate(request, {
      onSuccess: (stored) => {
        setDraft(draftOf(stored.targets));
        setOutcome({ tone: "ok", message: "Targets saved. The figures above now compare against them." });
      },
      onError: (error) => setOutcome({ tone: "error", message: errorMessage(error) }),
    });
  };

  return (
    <form className={styles.form} onSubmit={submit} aria-label="Response-time targets" data-testid="kpi-targets-form">
      <div className={styles.fields}>
        {KPI_METRICS.map((metric) => (
          <Field key={metric}>
            <FieldLabel htmlFor={`${id}-${metric}`}>{KPI_METRIC_LABEL[metric]}</FieldLabel>
            <div className={styles.unitInput}>
              <Input
                id={`${id}-${metric}`}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                placeholder="No target"
                value={draft[metric]}
                aria-invalid={errors[metric] ? true : undefined}
                aria-describedby={errors[metric] ? `${id}-${metric}-error` : undefined}
                onChange={(e) => {
                  setDraft((d) => ({ ...d, [metric]: e.target.value }));
                  setOutcome(null);
                }}
                data-testid={`kpi-target-${metric}`}
              />
              <span className={styles.unit}>min</span>
            </div>
            {errors[metric] && (
              <FieldError as="span" id={`${id}-${metric}-error`}>
                {errors[metric]}
              </FieldError>
            )}
          </Field>
        ))}
      </div>
      <div className={styles.foot}>
        <span className={cx(styles.outcome, outcome && OUTCOME_CLASS[outcome.tone])} role="status" aria-live="polite">
          {outcome?.message}
        </span>
        <Button type="submit" variant="primary" disabled={save.isPending || changed.length === 0}>
          {save.isPending ? "Saving…" : "Save targets"}
        </Button>
      </div>
    </form>
  );
}
