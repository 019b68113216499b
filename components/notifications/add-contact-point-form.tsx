"use client";

import { useId, useState, type SubmitEvent } from "react";
import { errorMessage } from "@/components/api/request-json";
import { SEVERITY_LABEL } from "@/components/alerts/alert-labels";
import { Button } from "@/components/ui/button";
import { Card, CardSubtitle, CardTitle } from "@/components/ui/card";
import { Field, FieldHint, FieldLabel } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input, Select } from "@/components/ui/input";
import { Stack } from "@/components/ui/page";
import { Segmented } from "@/components/ui/segmented";
import { ALERT_SEVERITIES, type TAlertSeverity } from "@/lib/contracts/alerts";
import {
  type TContactPoint,
  type TContactPointKind,
  type TCreateContactPointRequest,
  ZCreateContactPointRequest,
} from "@/lib/contracts/notifications";
import { useAddContactPoint } from "./notification-queries";
import { isPushSupported, subscribeThisBrowser } from "./push-subscription";
import styles from "./contact-points-page.module.css";

const KIND_OPTIONS = [
  { value: "email", label: "Email" },
  { value: "webhook", label: "Webhook" },
  { value: "push", label: "This browser" },
] as const satisfies readonly { value: TContactPointKind; label: string }[];

const DEFAULT_LABEL: Record<TContactPointKind, string> = { email: "Email", webhook: "Webhook", push: "This browser" };

/** Adds a contact point; a webhook's signing secret is shown here once. Push asks for permission on the button press only. */
export function AddContactPointForm({ onAdded }: { onAdded: (point: TContactPoint) => void }) {
  const [kind, setKind] = useState<TContactPointKind>("email");
  const [label, setLabel] = useState("");
  const [target, setTarget] = useState("");
  const [minSeverity, setMinSeverity] = useState<TAlertSeverity>("major");
  const [error, setError] = useState<string | null>(null);
  const [subscribing, setSubscribing] = useState(false);
  const [secret, setSecret] = useState<{ label: string; value: string } | null>(null);
  const add = useAddContactPoint();
  const id = useId();

  const submit = (request: TCreateContactPointRequest) =>
    add.mutate(request, {
      onSuccess: (created) => {
        setLabel("");
        setTarget("");
        if (created.secret) setSecret({ label: created.contactPoint.label, value: created.secret });
        onAdded(created.contactPoint);
      },
      onError: (failure) => setError(errorMessage(failure)),
    });

  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    setError(null);
    const name = label.trim() || DEFAULT_LABEL[kind];
    if (kind === "push") {
      setSubscribing(true);
      try {
        submit({ kind, label: name, minSeverity, subscription: await subscribeThisBrowser() });
      } catch (failure) {
        setError(errorMessage(failure));
      } finally {
        setSubscribing(false);
      }
      return;
    }
    const parsed = ZCreateContactPointRequest.safeParse({ kind, label: name, minSeverity, target: target.trim() });
    if (!parsed.success) {
      setError(kind === "email" ? "Give an email address." : "Give the receiver's https:// URL.");
      return;
    }
    submit(parsed.data);
  };

  const busy = add.isPending || subscribing;
  return (
    <Card aria-labelledby={`${id}-title`}>
      <CardTitle id={`${id}-title`}>New contact point</CardTitle>
      <CardSubtitle>One message per alert to each contact point, for alerts of the severity you choose.</CardSubtitle>
      {secret && (
        <div className={styles.secret} role="status" data-testid="webhook-secret">
          <FieldLabel htmlFor={`${id}-secret`}>Signing secret for {secret.label}</FieldLabel>
          <Input id={`${id}-secret`} readOnly value={secret.value} onFocus={(e) => e.currentTarget.select()} spellCheck={false} />
          <FieldHint>
            Shown once: copy it into the receiver now. Each request carries X-CityNerve-Signature: sha256=HMAC of &quot;timestamp.body&quot;
            with this secret, and the timestamp in X-CityNerve-Timestamp.
          </FieldHint>
          <Button size="sm" variant="ghost" onClick={() => setSecret(null)}>
            I have copied it
          </Button>
        </div>
      )}
      <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="add-contact-point-form">
        <Stack>
          <Segmented legend="Kind" name={`${id}-kind`} options={KIND_OPTIONS} value={kind} onChange={setKind} />
          <Field>
            <FieldLabel htmlFor={`${id}-label`}>Name</FieldLabel>
            <Input
              id={`${id}-label`}
              autoComplete="off"
              placeholder={DEFAULT_LABEL[kind]}
              maxLength={80}
              value={label}
              onChange={(e) => setLabel(e.target.value)}
            />
          </Field>
          {kind === "push" ? (
            <FieldHint>
              {isPushSupported()
                ? "Your browser asks for permission when you press Add. Notifications arrive while the browser runs, even with CityNerve closed."
                : "This browser cannot receive push notifications; use email or a webhook."}
            </FieldHint>
          ) : (
            <Field>
              <FieldLabel htmlFor={`${id}-target`}>{kind === "email" ? "Email address" : "Receiver URL (https)"}</FieldLabel>
              <Input
                id={`${id}-target`}
                type={kind === "email" ? "email" : "url"}
                autoComplete={kind === "email" ? "email" : "off"}
                value={target}
                onChange={(e) => setTarget(e.target.value)}
              />
            </Field>
          )}
          <Field>
            <FieldLabel htmlFor={`${id}-severity`}>Alerts to send</FieldLabel>
            <Select id={`${id}-severity`} value={minSeverity} onChange={(e) => setMinSeverity(e.target.value as TAlertSeverity)}>
              {ALERT_SEVERITIES.map((severity) => (
                <option key={severity} value={severity}>
                  {severity === "critical" ? "Critical only" : `${SEVERITY_LABEL[severity]} and above`}
                </option>
              ))}
            </Select>
          </Field>
          {error && <FormError role="alert">{error}</FormError>}
          <Button type="submit" variant="primary" disabled={busy || (kind === "push" && !isPushSupported())}>
            {subscribing ? "Asking the browser…" : add.isPending ? "Adding…" : "Add contact point"}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
