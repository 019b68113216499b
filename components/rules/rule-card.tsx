"use client";

import { useId, useState, type FormEvent } from "react";
import { ALERT_SEVERITIES } from "@/lib/contracts/alerts";
import type { TRuleSetting } from "@/lib/contracts/rules";
import { errorMessage, ApiRequestError } from "@/components/api/request-json";
import { draftOf, isSameDraft, requestOf, type TRuleDraft } from "./rule-draft";
import { numberFieldsOf, toInput } from "./rule-fields";
import { conflictRule, useSaveRule } from "./use-save-rule";
import { formatDateTime } from "@/components/format/date-time";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/class-names";
import { Field, FieldError, FieldLabel } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import styles from "./rule-card.module.css";

type TOutcome = { tone: "ok" | "error"; message: string };

const SEVERITY_LABEL: Record<string, string> = { critical: "Critical", major: "Major", minor: "Minor", warning: "Warning" };

/** One line of what a rule is set to now, for the 409 message. */
function summarize(setting: TRuleSetting): string {
  const { rule } = setting;
  const params = rule.params as Record<string, number>;
  const values = numberFieldsOf(rule).map((f) => `${f.label.toLowerCase()} ${toInput(params[f.key], f)} ${f.unit}`);
  const who = setting.updatedBy ? ` by ${setting.updatedBy.name}` : "";
  return `Now (version ${setting.version}${who}): ${rule.enabled ? "on" : "off"}, ${rule.severity}, sustain ${rule.sustainSeconds} s, clear sustain ${rule.clearSustainSeconds} s, ${values.join(", ")}.`;
}

/** A rule's settings as a form: edit, then save once; the engine applies a saved rule at once. */
export function RuleCard({ setting }: { setting: TRuleSetting }) {
  const id = useId();
  const { rule } = setting;
  const [draft, setDraft] = useState<TRuleDraft>(() => draftOf(rule));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [outcome, setOutcome] = useState<TOutcome | null>(null);
  const save = useSaveRule(rule.id);
  const fields = numberFieldsOf(rule);
  const isDirty = !isSameDraft(draft, draftOf(rule));

  const edit = (change: Partial<TRuleDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
    setOutcome(null);
  };
  const editParam = (key: string, value: string) => edit({ params: { ...draft.params, [key]: value } });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const built = requestOf(rule, setting.version, draft);
    if ("fieldErrors" in built) {
      setFieldErrors(built.fieldErrors);
      setOutcome({ tone: "error", message: "Some values are not numbers." });
      return;
    }
    setFieldErrors({});
    save.mutate(built.request, {
      onSuccess: (saved) => {
        setDraft(draftOf(saved.rule));
        setOutcome({ tone: "ok", message: "Saved — takes effect immediately." });
      },
      onError: (error) => {
        const current = conflictRule(error);
        if (current) {
          setDraft(draftOf(current.rule));
          setOutcome({ tone: "error", message: `${errorMessage(error)}. ${summarize(current)} The form now shows these values.` });
          return;
        }
        setFieldErrors(error instanceof ApiRequestError ? error.fieldErrors : {});
        setOutcome({ tone: "error", message: errorMessage(error) });
      },
    });
  };

  // Server errors on the merged rule arrive under "params" (e.g. "clearBelow must not exceed openAbove").
  const errorOf = (key: string) => fieldErrors[key]?.join(" ");
  const paramsError = errorOf("params");

  return (
    <form className={styles.ruleCard} onSubmit={submit} aria-labelledby={`${id}-name`} data-testid="rule-card" data-rule-id={rule.id}>
      <div className={styles.head}>
        <div className={styles.title}>
          <h3 className={styles.name} id={`${id}-name`}>
            {rule.name}
          </h3>
          <code className={styles.id}>{rule.id}</code>
        </div>
        <label className={styles.enabled} htmlFor={`${id}-enabled`}>
          <Switch id={`${id}-enabled`} checked={draft.enabled} onChange={(e) => edit({ enabled: e.target.checked })} />
          <span>{draft.enabled ? "On" : "Off"}</span>
        </label>
      </div>
      <p className={styles.description}>{rule.description}</p>
      {"statuses" in rule.params && <p className={styles.meta}>Statuses: {rule.params.statuses.join(", ")}</p>}

      <div className={styles.fields}>
        <Field>
          <FieldLabel htmlFor={`${id}-severity`}>Severity</FieldLabel>
          <Select
            id={`${id}-severity`}
            value={draft.severity}
            onChange={(e) => edit({ severity: e.target.value as TRuleDraft["severity"] })}
          >
            {ALERT_SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {SEVERITY_LABEL[s]}
              </option>
            ))}
          </Select>
        </Field>
        <NumberField
          id={`${id}-sustain`}
          label="Sustain"
          unit="s"
          value={draft.sustainSeconds}
          error={errorOf("sustainSeconds")}
          step={1}
          onChange={(v) => edit({ sustainSeconds: v })}
        />
        <NumberField
          id={`${id}-clear-sustain`}
          label="Clear sustain"
          unit="s"
          value={draft.clearSustainSeconds}
          error={errorOf("clearSustainSeconds")}
          step={1}
          onChange={(v) => edit({ clearSustainSeconds: v })}
        />
        {fields.map((f) => (
          <NumberField
            key={f.key}
            id={`${id}-${f.key}`}
            label={f.label}
            unit={f.unit}
            value={draft.params[f.key] ?? ""}
            error={errorOf(f.key)}
            step={f.step}
            onChange={(v) => editParam(f.key, v)}
            testId={`rule-param-${f.key}`}
          />
        ))}
      </div>
      {paramsError && <FieldError>{paramsError}</FieldError>}

      <div className={styles.foot}>
        <span className={styles.changed}>
          {setting.updatedAt
            ? `Changed ${formatDateTime(setting.updatedAt)}${setting.updatedBy ? ` by ${setting.updatedBy.name}` : ""}`
            : "Built-in default"}
        </span>
        <div className={styles.save}>
          <span className={cx(styles.outcome, outcome && styles[outcome.tone])} role="status" aria-live="polite">
            {outcome?.message}
          </span>
          {isDirty && (
            <Button
              variant="ghost"
              disabled={save.isPending}
              onClick={() => {
                setDraft(draftOf(rule));
                setFieldErrors({});
                setOutcome(null);
              }}
            >
              Undo
            </Button>
          )}
          <Button type="submit" variant="primary" disabled={save.isPending || !isDirty}>
            {save.isPending ? "Saving…" : "Save"}
          </Button>
        </div>
      </div>
    </form>
  );
}

type TNumberFieldProps = {
  id: string;
  label: string;
  unit: string;
  value: string;
  step: number;
  error?: string;
  testId?: string;
  onChange: (value: string) => void;
};

function NumberField({ id, label, unit, value, step, error, testId, onChange }: TNumberFieldProps) {
  return (
    <Field>
      <FieldLabel htmlFor={id}>{label}</FieldLabel>
      <div className={styles.unitInput}>
        <Input
          id={id}
          type="number"
          inputMode="decimal"
          step={step}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => onChange(e.target.value)}
          data-testid={testId}
        />
        <span className={styles.unit}>{unit}</span>
      </div>
      {error && (
        <FieldError as="span" id={`${id}-error`}>
          {error}
        </FieldError>
      )}
    </Field>
  );
}
