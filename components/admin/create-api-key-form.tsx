"use client";

import { useId, useState, type SubmitEvent } from "react";
import { API_KEY_SCOPES, ZCreateApiKeyRequest, type TApiKeyScope, type TIssuedApiKey } from "@/lib/contracts/api-keys";
import { errorMessage } from "@/components/api/request-json";
import { useIssueApiKey } from "./admin-queries";
import { Button } from "@/components/ui/button";
import { Card, CardSubtitle, CardTitle } from "@/components/ui/card";
import { Field, FieldError, FieldHint, FieldLabel } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { Stack } from "@/components/ui/page";
import { Switch } from "@/components/ui/switch";
import styles from "./create-api-key-form.module.css";

const SCOPE_LABEL: Record<TApiKeyScope, string> = {
  "ngsi-ld:read": "Read live city state (NGSI-LD)",
  open311: "Citizens' reports (Open311)",
  "cap:write": "Send warnings (CAP 1.2)",
};

/** Issues a key; its secret is shown here once, then only its first characters. */
export function CreateApiKeyForm({ onIssued }: { onIssued: (issued: TIssuedApiKey) => void }) {
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<TApiKeyScope[]>(["ngsi-ld:read"]);
  const [fieldErrors, setFieldErrors] = useState<{ name?: string; scopes?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [issued, setIssued] = useState<TIssuedApiKey | null>(null);
  const issue = useIssueApiKey();
  const id = useId();

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    setFormError(null);
    const parsed = ZCreateApiKeyRequest.safeParse({ name, scopes });
    if (!parsed.success) {
      const paths = new Set(parsed.error.issues.map((i) => i.path[0]));
      setFieldErrors({
        name: paths.has("name") ? "Name the app (up to 120 characters)." : undefined,
        scopes: paths.has("scopes") ? "Choose at least one scope." : undefined,
      });
      return;
    }
    setFieldErrors({});
    issue.mutate(parsed.data, {
      onSuccess: (result) => {
        setIssued(result);
        setName("");
        onIssued(result);
      },
      onError: (error) => setFormError(errorMessage(error)),
    });
  };

  const toggle = (scope: TApiKeyScope) => setScopes((s) => (s.includes(scope) ? s.filter((x) => x !== scope) : [...s, scope]));

  return (
    <Card aria-labelledby={`${id}-title`}>
      <CardTitle id={`${id}-title`}>New API key</CardTitle>
      <CardSubtitle>For a partner or citizen app. The key is shown once: copy it now.</CardSubtitle>
      {issued && (
        <div className={styles.secret} role="status" data-testid="issued-secret">
          <FieldLabel htmlFor={`${id}-secret`}>Key for {issued.key.name}</FieldLabel>
          <Input id={`${id}-secret`} readOnly value={issued.secret} onFocus={(e) => e.currentTarget.select()} spellCheck={false} />
          <FieldHint>It will not be shown again. Send it with each request as Authorization: Bearer &lt;key&gt;.</FieldHint>
          <Button size="sm" variant="ghost" onClick={() => setIssued(null)}>
            I have copied it
          </Button>
        </div>
      )}
      <form onSubmit={onSubmit} noValidate data-testid="create-api-key-form">
        <Stack>
          <Field>
            <FieldLabel htmlFor={`${id}-name`}>App name</FieldLabel>
            <Input
              id={`${id}-name`}
              autoComplete="off"
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={fieldErrors.name ? true : undefined}
              aria-describedby={fieldErrors.name ? `${id}-name-error` : undefined}
            />
            {fieldErrors.name && <FieldError id={`${id}-name-error`}>{fieldErrors.name}</FieldError>}
          </Field>
          <fieldset className={styles.scopes} aria-describedby={fieldErrors.scopes ? `${id}-scopes-error` : undefined}>
            <legend>Scopes</legend>
            {API_KEY_SCOPES.map((scope) => (
              <div key={scope} className={styles.scope}>
                <Switch id={`${id}-${scope}`} checked={scopes.includes(scope)} onChange={() => toggle(scope)} />
                <label htmlFor={`${id}-${scope}`}>{SCOPE_LABEL[scope]}</label>
              </div>
            ))}
            {fieldErrors.scopes && <FieldError id={`${id}-scopes-error`}>{fieldErrors.scopes}</FieldError>}
          </fieldset>
          {formError && <FormError role="alert">{formError}</FormError>}
          <Button type="submit" variant="primary" disabled={issue.isPending}>
            {issue.isPending ? "Issuing…" : "Issue key"}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
