"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState, type SubmitEvent } from "react";
import type { TSilence } from "@/lib/contracts/silences";
import { errorMessage } from "@/components/api/request-json";
import { formatTimeZoneName } from "@/components/format/date-time";
import { rulesQuery } from "@/components/rules/rule-queries";
import { Button } from "@/components/ui/button";
import { Card, CardSubtitle, CardTitle } from "@/components/ui/card";
import { Field, FieldHint, FieldLabel, FormRow } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input, Select, Textarea } from "@/components/ui/input";
import { Stack } from "@/components/ui/page";
import { Segmented } from "@/components/ui/segmented";
import { draftToRequest, emptyDraft, type TSilenceDraft } from "./silence-draft";
import { WEEKDAYS } from "./silence-labels";
import { useCreateSilence } from "./silence-queries";
import styles from "./silences.module.css";
import { DomainZoneFields, zoneFieldId } from "@/components/alerts/domain-zone-fields";
import { useZoneCheck, zoneRefusalOf } from "@/components/alerts/use-zone-check";

const KINDS = [
  { value: "once", label: "One-off" },
  { value: "recurring", label: "Recurring" },
] as const;

/** A new silence: what it covers (at least one matcher), when, and why. */
export function SilenceForm({ defaultTimeZone, onCreated }: { defaultTimeZone: string; onCreated: (silence: TSilence) => void }) {
  const [draft, setDraft] = useState<TSilenceDraft>(() => emptyDraft(Date.now(), defaultTimeZone));
  const [error, setError] = useState<string | null>(null);
  const [zoneError, setZoneError] = useState<string | null>(null);
  const checkZone = useZoneCheck();
  const create = useCreateSilence();
  // Admins may not read the rules (GET /api/rules is for operations): the rule is then typed by id.
  const rules = useQuery(rulesQuery()).data;
  const id = useId();
  const set = <K extends keyof TSilenceDraft>(key: K, value: TSilenceDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const refuseZone = (message: string) => {
    setZoneError(message);
    document.getElementById(zoneFieldId(id))?.focus();
  };

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    setError(null);
    const zoneProblem = checkZone(draft.zone);
    if (zoneProblem) return refuseZone(zoneProblem);
    const result = draftToRequest(draft);
    if ("error" in result) return setError(result.error);
    create.mutate(result.request, {
      onSuccess: (silence) => {
        setDraft(emptyDraft(Date.now(), defaultTimeZone));
        onCreated(silence);
      },
      onError: (failure) => {
        const refusal = zoneRefusalOf(failure);
        if (refusal) refuseZone(refusal);
        else setError(errorMessage(failure));
      },
    });
  };

  return (
    <Card aria-labelledby={`${id}-title`}>
      <CardTitle id={`${id}-title`}>New silence</CardTitle>
      <CardSubtitle>Matching alerts are still recorded but do not sound, show in the banner or escalate.</CardSubtitle>
      <form onSubmit={onSubmit} noValidate data-testid="silence-form">
        <Stack>
          <Field>
            <FieldLabel htmlFor={`${id}-rule`}>Rule</FieldLabel>
            {rules ? (
              <Select id={`${id}-rule`} value={draft.ruleId} onChange={(e) => set("ruleId", e.target.value)} data-testid="silence-rule">
                <option value="">Any rule</option>
                {rules.map(({ rule }) => (
                  <option key={rule.id} value={rule.id}>
                    {rule.name}
                  </option>
                ))}
              </Select>
            ) : (
              <Input
                id={`${id}-rule`}
                autoComplete="off"
                placeholder="Any rule (or a rule id)"
                value={draft.ruleId}
                onChange={(e) => set("ruleId", e.target.value)}
                data-testid="silence-rule"
              />
            )}
          </Field>
          <FormRow>
            <DomainZoneFields
              id={id}
              domain={draft.domain}
              zone={draft.zone}
              onDomainChange={(domain) => set("domain", domain)}
              onZoneChange={(zone) => {
                set("zone", zone);
                setZoneError(null);
              }}
              zoneError={zoneError}
              testIdPrefix="silence"
            />
          </FormRow>
          <Field>
            <FieldLabel htmlFor={`${id}-entity`}>Entity id</FieldLabel>
            <Input
              id={`${id}-entity`}
              autoComplete="off"
              placeholder="Any entity"
              value={draft.entityId}
              onChange={(e) => set("entityId", e.target.value)}
              data-testid="silence-entity"
            />
          </Field>
          <Segmented legend="When" name={`${id}-kind`} options={KINDS} value={draft.kind} onChange={(kind) => set("kind", kind)} />
          {draft.kind === "once" ? (
            <>
              <Field>
                <FieldLabel htmlFor={`${id}-starts`}>From (city time)</FieldLabel>
                <Input
                  id={`${id}-starts`}
                  type="datetime-local"
                  value={draft.startsAt}
                  onChange={(e) => set("startsAt", e.target.value)}
                  data-testid="silence-starts"
                />
              </Field>
              <Field>
                <FieldLabel htmlFor={`${id}-ends`}>Until (city time)</FieldLabel>
                <Input
                  id={`${id}-ends`}
                  type="datetime-local"
                  value={draft.endsAt}
                  onChange={(e) => set("endsAt", e.target.value)}
                  data-testid="silence-ends"
                />
              </Field>
              <CityTimeHint timeZone={draft.cityTimeZone} />
            </>
          ) : (
            <RecurringFields id={id} draft={draft} set={set} />
          )}
          <Field>
            <FieldLabel htmlFor={`${id}-reason`}>Reason</FieldLabel>
            <Textarea
              id={`${id}-reason`}
              rows={2}
              maxLength={500}
              value={draft.reason}
              onChange={(e) => set("reason", e.target.value)}
              data-testid="silence-reason"
            />
          </Field>
          {error && <FormError role="alert">{error}</FormError>}
          <Button type="submit" variant="primary" disabled={create.isPending} data-testid="silence-create">
            {create.isPending ? "Silencing…" : "Create silence"}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

type TRecurringFieldsProps = {
  id: string;
  draft: TSilenceDraft;
  set: <K extends keyof TSilenceDraft>(key: K, value: TSilenceDraft[K]) => void;
};

function RecurringFields({ id, draft, set }: TRecurringFieldsProps) {
  const toggleDay = (day: number, on: boolean) => set("days", on ? [...draft.days, day] : draft.days.filter((d) => d !== day));
  return (
    <>
      <fieldset className={styles.days} data-testid="silence-days">
        <FieldLabel as="legend">Days</FieldLabel>
        {WEEKDAYS.map(({ day, short }) => (
          <label key={day} className={styles.day}>
            <input type="checkbox" checked={draft.days.includes(day)} onChange={(e) => toggleDay(day, e.target.checked)} />
            {short}
          </label>
        ))}
      </fieldset>
      <FormRow>
        <Field>
          <FieldLabel htmlFor={`${id}-from`}>From</FieldLabel>
          <Input
            id={`${id}-from`}
            type="time"
            value={draft.from}
            onChange={(e) => set("from", e.target.value)}
            data-testid="silence-from"
          />
        </Field>
        <Field>
          <FieldLabel htmlFor={`${id}-to`}>To</FieldLabel>
          <Input id={`${id}-to`} type="time" value={draft.to} onChange={(e) => set("to", e.target.value)} data-testid="silence-to" />
        </Field>
      </FormRow>
      <FieldHint>An end before the start runs overnight into the next day.</FieldHint>
      <Field>
        <FieldLabel htmlFor={`${id}-tz`}>Time zone</FieldLabel>
        <Input
          id={`${id}-tz`}
          autoComplete="off"
          value={draft.timeZone}
          onChange={(e) => set("timeZone", e.target.value)}
          data-testid="silence-time-zone"
        />
      </Field>
      <Field>
        <FieldLabel htmlFor={`${id}-until`}>Expires (city time)</FieldLabel>
        <Input
          id={`${id}-until`}
          type="datetime-local"
          value={draft.until}
          onChange={(e) => set("until", e.target.value)}
          data-testid="silence-until"
        />
      </Field>
      <CityTimeHint timeZone={draft.cityTimeZone} />
    </>
  );
}

/** Says which clock the date-time fields are on: the city's, as the lists below show, not this browser's. */
function CityTimeHint({ timeZone }: { timeZone: string }) {
  return (
    <FieldHint data-testid="silence-city-time">
      Times are the city&rsquo;s ({timeZone.replace(/_/g, " ")}, {formatTimeZoneName(Date.now())}), as the lists show them.
    </FieldHint>
  );
}
