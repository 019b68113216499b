"use client";

import { useId, useState, type SubmitEvent } from "react";
import { ALERT_SEVERITIES, ZAlertSeverity } from "@/lib/contracts/alerts";
import type { TEscalationStep, TOnCallOverview, TPolicy, TStepTarget } from "@/lib/contracts/on-call";
import { errorMessage } from "@/components/api/request-json";
import { Button } from "@/components/ui/button";
import { Card, CardSubtitle, CardTitle } from "@/components/ui/card";
import { Field, FieldLabel, FormRow } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input, Select } from "@/components/ui/input";
import { Stack } from "@/components/ui/page";
import { useCreatePolicy } from "./on-call-queries";
import styles from "./on-call.module.css";
import { DomainZoneFields, zoneFieldId } from "@/components/alerts/domain-zone-fields";
import { useZoneCheck, zoneRefusalOf } from "@/components/alerts/use-zone-check";

/** A step as the form holds it: the target as one select value ("rota:<id>", "user:<id>", "role:supervisor"). */
type TStepDraft = { target: string; waitMinutes: string };

function toTarget(value: string): TStepTarget | null {
  const [kind, rest] = [value.slice(0, value.indexOf(":")), value.slice(value.indexOf(":") + 1)];
  if (kind === "rota" && rest) return { kind: "rota", rotaId: rest };
  if (kind === "user" && rest) return { kind: "user", userId: rest };
  if (kind === "role" && (rest === "operator" || rest === "supervisor")) return { kind: "role", role: rest };
  return null;
}

type TPolicyFormProps = { overview: TOnCallOverview; onCreated: (policy: TPolicy) => void };

/** A new escalation policy: which alerts (any field left empty matches all), then whom to notify step by step. */
export function PolicyForm({ overview, onCreated }: TPolicyFormProps) {
  const id = useId();
  const firstTarget = overview.rotas[0] ? `rota:${overview.rotas[0].id}` : "role:operator";
  const [name, setName] = useState("");
  const [severity, setSeverity] = useState("");
  const [domain, setDomain] = useState("");
  const [zone, setZone] = useState("");
  const [steps, setSteps] = useState<TStepDraft[]>([{ target: "", waitMinutes: "5" }]);
  const [error, setError] = useState<string | null>(null);
  const [zoneError, setZoneError] = useState<string | null>(null);
  const checkZone = useZoneCheck();
  const create = useCreatePolicy();

  const refuseZone = (message: string) => {
    setZoneError(message);
    document.getElementById(zoneFieldId(id))?.focus();
  };

  const setStep = (index: number, change: Partial<TStepDraft>) =>
    setSteps((all) => all.map((s, i) => (i === index ? { ...s, ...change } : s)));

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    setError(null);
    if (!name.trim()) return setError("Give the policy a name.");
    const zoneProblem = checkZone(zone);
    if (zoneProblem) return refuseZone(zoneProblem);
    const parsed: TEscalationStep[] = [];
    for (const [index, step] of steps.entries()) {
      const target = toTarget(step.target || firstTarget);
      const waitMinutes = Number(step.waitMinutes);
      if (!target) return setError(`Step ${index + 1}: choose whom to notify.`);
      if (!Number.isInteger(waitMinutes) || waitMinutes < 1) return setError(`Step ${index + 1}: wait at least 1 minute.`);
      parsed.push({ target, waitMinutes });
    }
    setError(null);
    create.mutate(
      {
        name: name.trim(),
        matchers: {
          ...(severity ? { severity: ZAlertSeverity.parse(severity) } : {}),
          ...(domain ? { domain } : {}),
          ...(zone.trim() ? { zone: zone.trim() } : {}),
        },
        steps: parsed,
      },
      {
        onSuccess: (policy) => {
          setName("");
          setSeverity("");
          setDomain("");
          setZone("");
          setSteps([{ target: "", waitMinutes: "5" }]);
          onCreated(policy);
        },
        onError: (failure) => {
          const refusal = zoneRefusalOf(failure);
          if (refusal) refuseZone(refusal);
          else setError(errorMessage(failure));
        },
      },
    );
  };

  return (
    <Card aria-labelledby={`${id}-title`}>
      <CardTitle id={`${id}-title`}>New escalation policy</CardTitle>
      <CardSubtitle>Leave a field on "Any" to cover every value; the most specific policy wins.</CardSubtitle>
      <form onSubmit={onSubmit} noValidate data-testid="policy-form">
        <Stack>
          <Field>
            <FieldLabel htmlFor={`${id}-name`}>Name</FieldLabel>
            <Input id={`${id}-name`} autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} data-testid="policy-name" />
          </Field>
          <FormRow>
            <Field>
              <FieldLabel htmlFor={`${id}-severity`}>Severity</FieldLabel>
              <Select id={`${id}-severity`} value={severity} onChange={(e) => setSeverity(e.target.value)} data-testid="policy-severity">
                <option value="">Any severity</option>
                {ALERT_SEVERITIES.map((s) => (
                  <option key={s} value={s}>
                    {s[0]!.toUpperCase() + s.slice(1)}
                  </option>
                ))}
              </Select>
            </Field>
          </FormRow>
          <FormRow>
            <DomainZoneFields
              id={id}
              domain={domain}
              zone={zone}
              onDomainChange={setDomain}
              onZoneChange={(next) => {
                setZone(next);
                setZoneError(null);
              }}
              zoneError={zoneError}
              testIdPrefix="policy"
            />
          </FormRow>
          {steps.map((step, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a step is its position in the chain
            <div key={index} className={styles.step} data-testid="policy-step">
              <Field className={styles.stepTarget}>
                <FieldLabel htmlFor={`${id}-step-${index}`}>Step {index + 1}: notify</FieldLabel>
                <Select
                  id={`${id}-step-${index}`}
                  value={step.target || firstTarget}
                  onChange={(e) => setStep(index, { target: e.target.value })}
                  data-testid="policy-step-target"
                >
                  {overview.rotas.length > 0 && (
                    <optgroup label="Whoever is on call">
                      {overview.rotas.map((rota) => (
                        <option key={rota.id} value={`rota:${rota.id}`}>
                          On call: {rota.name}
                        </option>
                      ))}
                    </optgroup>
                  )}
                  <optgroup label="Everyone with a role">
                    <option value="role:operator">Every operator</option>
                    <option value="role:supervisor">Every supervisor</option>
                  </optgroup>
                  <optgroup label="One person">
                    {overview.people.map((person) => (
                      <option key={person.id} value={`user:${person.id}`}>
                        {person.name}
                      </option>
                    ))}
                  </optgroup>
                </Select>
              </Field>
              <Field className={styles.stepWait}>
                <FieldLabel htmlFor={`${id}-wait-${index}`}>Then wait (min)</FieldLabel>
                <Input
                  id={`${id}-wait-${index}`}
                  type="number"
                  min={1}
                  inputMode="numeric"
                  value={step.waitMinutes}
                  onChange={(e) => setStep(index, { waitMinutes: e.target.value })}
                  data-testid="policy-step-wait"
                />
              </Field>
              <Button
                size="sm"
                variant="ghost"
                disabled={steps.length === 1}
                onClick={() => setSteps((all) => all.filter((_, i) => i !== index))}
                aria-label={`Remove step ${index + 1}`}
              >
                Remove
              </Button>
            </div>
          ))}
          <Button
            variant="ghost"
            onClick={() => setSteps((all) => [...all, { target: "role:supervisor", waitMinutes: "10" }])}
            data-testid="policy-add-step"
          >
            Add a step
          </Button>
          {error && <FormError role="alert">{error}</FormError>}
          <Button type="submit" variant="accent" disabled={create.isPending} data-testid="policy-submit">
            {create.isPending ? "Creating…" : "Create policy"}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
