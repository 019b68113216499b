"use client";

import { useId, useState, type FormEvent } from "react";
import { ALERT_SEVERITIES } from "@/lib/contracts/alerts";
import { isBuiltinRule, ruleMetric, type TMetricUnit, type TRuleSetting } from "@/lib/contracts/rules";
import { errorMessage, ApiRequestError } from "@/components/api/request-json";
import { draftOf, isSameDraft, requestOf, type TRuleDraft } from "./rule-draft";
import { numberFieldsOf, toInput } from "./rule-fields";
import { conflictRule, useSaveRule } from "./use-save-rule";
import { useResetRule } from "./use-reset-rule";
import { formatDateTime } from "@/components/format/date-time";
import { useDomainCatalog } from "@/components/domains/use-domain-catalog";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/class-names";
import { Dialog } from "@/components/ui/dialog";
import { Field, FieldError, FieldLabel } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import styles from "./rule-card.module.css";

type TOutcome = { tone: "ok" | "error"; message: string };

const SEVERITY_LABEL: Record<string, string> = { critical: "Critical", major: "Major", minor: "Minor", warning: "Warning" };

/** One line of what a rule is set to now, for the 409 message. */
function summarize(setting: TRuleSetting, unit: TMetricUnit): string {
  const { rule } = setting;
  const params = rule.params as Record<string, number>;
  const values = numberFieldsOf(rule, unit).map((f) => `${f.label.toLowerCase()} ${toInput(params[f.key], f)} ${f.unit}`);
  const who = setting.updatedBy ? ` by ${setting.updatedBy.name}` : "";
  return `Now (version ${setting.version}${who}): ${rule.enabled ? "on" : "off"}, ${rule.severity}, sustain ${rule.sustainSeconds} s, clear sustain ${rule.clearSustainSeconds} s, ${values.join(", ")}.`;
}

/**
 * "Built-in default" (a declared domain's rule: "Default from its definition"), "Changed 2 Dec, 14:05 by Sam", or
 * after a reset "Built-in default · reset 2 Dec, 14:05 by Sam".
 */
function changedLine(setting: TRuleSetting): string {
  const byDefault = isBuiltinRule(setting.rule) ? "Built-in default" : "Default from its definition";
  if (!setting.updatedAt) return byDefault;
  const when = `${formatDateTime(setting.updatedAt)}${setting.updatedBy ? ` by ${setting.updatedBy.name}` : ""}`;
  return setting.isDefault ? `${byDefault} · reset ${when}` : `Changed ${when}`;
}

/** A rule's settings as a form: edit, then save once; the engine applies a saved rule at once. */
export function RuleCard({ setting }: { setting: TRuleSetting }) {
  const id = useId();
  const { rule } = setting;
  // What its thresholds are measured in: a built-in metric's unit, or the declared domain's field's.
  const unit = useDomainCatalog().metricUnit(rule.domain, ruleMetric(rule));
  const [draft, setDraft] = useState<TRuleDraft>(() => draftOf(rule, unit));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [outcome, setOutcome] = useState<TOutcome | null>(null);
  const save = useSaveRule(rule.id);
  const reset = useResetRule(rule.id);
  const [isConfirmingReset, setConfirmingReset] = useState(false);
  const fields = numberFieldsOf(rule, unit);
  const isDirty = !isSameDraft(draft, draftOf(rule, unit));
  const isBusy = save.isPending || reset.isPending;

  /** After a save or reset failed: a 409 shows what won; a 400 puts each message beside its field. */
  const showFailure = (error: unknown) => {
    const current = conflictRule(error);
    if (current) {
      setDraft(draftOf(current.rule, unit));
      setFieldErrors({});
      setOutcome({ tone: "error", message: `${errorMessage(error)}. ${summarize(current, unit)} The form now shows these values.` });
      return;
    }
    const errors = error instanceof ApiRequestError ? error.fieldErrors : {};
    setFieldErrors(errors);
    setOutcome({
      tone: "error",
      message:
        Object.keys(errors).length > 0 ? "Not saved: some values need changing (see the messages beside them)." : errorMessage(error),
    });
  };

  const edit = (change: Partial<TRuleDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
    setOutcome(null);
  };
  const editParam = (key: string, value: string) => edit({ params: { ...draft.params, [key]: value } });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const built = requestOf(rule, setting.version, draft, unit);
    if ("fieldErrors" in built) {
      setFieldErrors(built.fieldErrors);
      setOutcome({ tone: "error", message: "Not saved: some values need changing (see the messages beside them)." });
      return;
    }
    setFieldErrors({});
    save.mutate(built.request, {
      onSuccess: (saved) => {
        setDraft(draftOf(saved.rule, unit));
        setOutcome({ tone: "ok", message: "Saved — takes effect immediately." });
      },
      onError: showFailure,
    });
  };

  const confirmReset = () => {
    reset.mutate(
      { version: setting.version },
      {
        onSuccess: (saved) => {
          setDraft(draftOf(saved.rule, unit));
          setFieldErrors({});
          setOutcome({ tone: "ok", message: "Back to the default — takes effect immediately." });
        },
        onError: showFailure,
        onSettled: () => setConfirmingReset(false),
      },
    );
  };

  // The server keys each message by the field it is about; anything about no input on the card shows under them all.
  const errorOf = (key: string) => fieldErrors[key]?.join(" ");
  const shownKeys = new Set(["sustainSeconds", "clearSustainSeconds", "flapMaxChanges", "flapWindowMinutes", ...fields.map((f) => f.key)]);
  const otherErrors = Object.entries(fieldErrors)
    .filter(([key]) => !shownKeys.has(key))
    .flatMap(([, messages]) => messages)
    .join(" ");

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
      {"statuses" in rule.params && (
        <p className={styles.meta}>
          Statuses: {rule.params.statuses.join(", ")}
          {"onlyAtNight" in rule.params && rule.params.onlyAtNight ? " (only after dark)" : ""}
        </p>
      )}

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
        <NumberField
          id={`${id}-flap-changes`}
          label="Flapping after"
          unit="changes"
          value={draft.flapMaxChanges}
          error={errorOf("flapMaxChanges")}
          step={1}
          onChange={(v) => edit({ flapMaxChanges: v })}
        />
        <NumberField
          id={`${id}-flap-window`}
          label="Flapping window"
          unit="min"
          value={draft.flapWindowMinutes}
          error={errorOf("flapWindowMinutes")}
          step={1}
          onChange={(v) => edit({ flapWindowMinutes: v })}
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
      {otherErrors && <FieldError>{otherErrors}</FieldError>}

      <div className={styles.foot}>
        <span className={styles.changed}>{changedLine(setting)}</span>
        <div className={styles.save}>
          <span className={cx(styles.outcome, outcome && styles[outcome.tone])} role="status" aria-live="polite">
            {outcome?.message}
          </span>
          <Button
            variant="ghost"
            disabled={isBusy || setting.isDefault}
            title={setting.isDefault ? "This rule already has its default values" : undefined}
            onClick={() => setConfirmingReset(true)}
            data-testid="rule-reset"
          >
            Reset to default
          </Button>
          {isDirty && (
            <Button
              variant="ghost"
              disabled={isBusy}
              onClick={() => {
                setDraft(draftOf(rule, unit));
                setFieldErrors({});
                setOutcome(null);
              }}
            >
              Undo
            </Button>
          )}
          <Button type="submit" variant="primary" disabled={isBusy || !isDirty}>
            {save.isPending ? "Saving…" : "Save"}
          </Button>
        </div>
      </div>
      {isConfirmingReset && (
        <Dialog
          eyebrow="Alert rule"
          title={`Reset “${rule.name}” to its default?`}
          aria-describedby={`${id}-reset-hint`}
          data-testid="rule-reset-dialog"
          onCancel={() => setConfirmingReset(false)}
          footer={
            <>
              <Button variant="ghost" onClick={() => setConfirmingReset(false)} disabled={reset.isPending}>
                Keep current values
              </Button>
              <Button variant="danger" onClick={confirmReset} disabled={reset.isPending} data-testid="rule-reset-confirm">
                {reset.isPending ? "Resetting…" : "Reset to default"}
              </Button>
            </>
          }
        >
          <p id={`${id}-reset-hint`}>
            Severity, sustain times, thresholds and on/off go back to the defaults, replacing the changes
            {setting.updatedBy ? ` ${setting.updatedBy.name} saved` : " saved"}. Unsaved edits on this card are dropped. The engine applies
            it at once; the reset is audited.
          </p>
        </Dialog>
      )}
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
