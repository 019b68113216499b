"use client";

import { useId, useState, type SubmitEvent } from "react";
import type { TOnCallOverview, TRota } from "@/lib/contracts/on-call";
import { errorMessage } from "@/components/api/request-json";
import { Button } from "@/components/ui/button";
import { Card, CardSubtitle, CardTitle } from "@/components/ui/card";
import { Field, FieldHint, FieldLabel } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { InlineCheck } from "@/components/ui/inline-check";
import { Input, Select } from "@/components/ui/input";
import { Stack } from "@/components/ui/page";
import { describeShift } from "./on-call-labels";
import { useCreateRota } from "./on-call-queries";
import styles from "./on-call.module.css";

const SHIFT_CHOICES_MINUTES = [4 * 60, 8 * 60, 12 * 60, 24 * 60, 7 * 24 * 60] as const;

/** Today at 08:00 as a wall-clock value for the start field. */
function defaultStart(): string {
  const today = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}T08:00`;
}

type TRotaFormProps = { people: TOnCallOverview["people"]; timeZone: string; onCreated: (rota: TRota) => void };

/** A new rota: its members in turn order (the order they are ticked), the shift length, and when the first shift starts. */
export function RotaForm({ people, timeZone, onCreated }: TRotaFormProps) {
  const id = useId();
  const [name, setName] = useState("");
  const [memberIds, setMemberIds] = useState<string[]>([]);
  const [shiftMinutes, setShiftMinutes] = useState<number>(8 * 60);
  const [startsAt, setStartsAt] = useState(defaultStart);
  const [error, setError] = useState<string | null>(null);
  const create = useCreateRota();

  const toggle = (personId: string, isOn: boolean) =>
    setMemberIds((ids) => (isOn ? [...ids, personId] : ids.filter((other) => other !== personId)));

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    if (!name.trim()) return setError("Give the rota a name.");
    if (memberIds.length === 0) return setError("Tick at least one person.");
    if (!startsAt) return setError("Say when the first shift starts.");
    setError(null);
    create.mutate(
      { name: name.trim(), memberIds, shiftMinutes, startsAt },
      {
        onSuccess: (rota) => {
          setName("");
          setMemberIds([]);
          onCreated(rota);
        },
        onError: (failure) => setError(errorMessage(failure)),
      },
    );
  };

  return (
    <Card aria-labelledby={`${id}-title`}>
      <CardTitle id={`${id}-title`}>New rota</CardTitle>
      <CardSubtitle>Members take turns in the order you tick them, one shift each, round and round.</CardSubtitle>
      <form onSubmit={onSubmit} noValidate data-testid="rota-form">
        <Stack>
          <Field>
            <FieldLabel htmlFor={`${id}-name`}>Name</FieldLabel>
            <Input id={`${id}-name`} autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} data-testid="rota-name" />
          </Field>
          <fieldset className={styles.members} data-testid="rota-members">
            <FieldLabel as="legend">Members</FieldLabel>
            {people.length === 0 ? (
              <p className={styles.muted}>No operator or supervisor can sign in yet.</p>
            ) : (
              people.map((person) => {
                const turn = memberIds.indexOf(person.id);
                return (
                  <InlineCheck key={person.id} checked={turn >= 0} onChange={(e) => toggle(person.id, e.target.checked)}>
                    {person.name}
                    <span className={styles.muted}>
                      {" "}
                      ({person.role}){turn >= 0 ? ` · turn ${turn + 1}` : ""}
                    </span>
                  </InlineCheck>
                );
              })
            )}
          </fieldset>
          {/* One above the other: a date-time field needs the card's whole width to show the date. */}
          <Field>
            <FieldLabel htmlFor={`${id}-shift`}>Shift</FieldLabel>
            <Select
              id={`${id}-shift`}
              value={shiftMinutes}
              onChange={(e) => setShiftMinutes(Number(e.target.value))}
              data-testid="rota-shift"
            >
              {SHIFT_CHOICES_MINUTES.map((minutes) => (
                <option key={minutes} value={minutes}>
                  {describeShift(minutes)}
                </option>
              ))}
            </Select>
          </Field>
          <Field>
            <FieldLabel htmlFor={`${id}-start`}>First shift starts</FieldLabel>
            <Input
              id={`${id}-start`}
              type="datetime-local"
              value={startsAt}
              onChange={(e) => setStartsAt(e.target.value)}
              data-testid="rota-start"
            />
            <FieldHint>City time ({timeZone})</FieldHint>
          </Field>
          {error && <FormError role="alert">{error}</FormError>}
          <Button type="submit" variant="accent" disabled={create.isPending} data-testid="rota-submit">
            {create.isPending ? "Creating…" : "Create rota"}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
