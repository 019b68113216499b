"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useRef, useState, type SubmitEvent } from "react";
import { authClient } from "@/lib/auth-client";
import { HOME_BY_ROLE, ZCurrentUser } from "@/lib/contracts/auth";
import { requestJson } from "@/components/api/request-json";
import { authConfigQuery, type TAuthConfig } from "./auth-queries";
import { DemoAccounts } from "./demo-accounts";
import { describeSignInError, readRetryAfter } from "./sign-in-errors";
import { Button } from "@/components/ui/button";
import { Field, FieldLabel } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input, InputGroup, InputGroupButton } from "@/components/ui/input";
import { Stack } from "@/components/ui/page";
import { Spinner } from "@/components/ui/spinner";
import styles from "./sign-in-form.module.css";

type TSignInFormProps = {
  /** Already checked with safeNextPath on the server: a same-origin path or null. */
  next: string | null;
  /** Set when an SSO round trip came back with an error. */
  initialError: string | null;
  /** Read on the server, so the SSO button and demo hint render without a flash; null if not ready yet. */
  initialConfig: TAuthConfig | null;
};

type TPending = "password" | "sso" | null;

/** "Sign in with SSO" stays as configured; a bare provider name ("Okta") gets the prefix. */
function ssoButtonText(label: string): string {
  return /^sign in/i.test(label) ? label : `Sign in with ${label}`;
}

export function SignInForm({ next, initialError, initialConfig }: TSignInFormProps) {
  const config = useQuery({ ...authConfigQuery(), initialData: initialConfig ?? undefined });
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [showPassword, setShowPassword] = useState(false);
  const [pending, setPending] = useState<TPending>(null);
  const [error, setError] = useState<string | null>(initialError);
  const passwordRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const errorId = `${id}-error`;

  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (pending) return;
    setPending("password");
    setError(null);
    let retryAfter: number | null = null;
    try {
      const { error: signInError } = await authClient.signIn.email(
        { email: email.trim(), password },
        { onError: ({ response }) => void (retryAfter = readRetryAfter(response.headers)) },
      );
      if (signInError) {
        setError(describeSignInError(signInError.status, retryAfter, signInError.message));
        setPending(null);
        passwordRef.current?.select();
        return;
      }
      // The role decides the landing page; /api/me is the one source of it.
      const user = await requestJson("/api/me", ZCurrentUser);
      // A full navigation: server components and the live-map socket start over with the new session cookie.
      window.location.assign(next ?? HOME_BY_ROLE[user.role]);
    } catch {
      setError(describeSignInError(0, null));
      setPending(null);
    }
  };

  const onSso = async () => {
    if (!config.data?.sso.enabled || pending) return;
    setPending("sso");
    setError(null);
    const { error: ssoError } = await authClient.signIn.social({
      provider: config.data.sso.providerId,
      // Land on "/" unless a page was asked for: the page guard forwards other roles to their home.
      callbackURL: next ?? "/",
      errorCallbackURL: "/sign-in?error=sso",
    });
    // On success the client has already navigated to the identity provider.
    if (ssoError) {
      setError(`Single sign-on is unavailable: ${ssoError.message ?? "try again later"}.`);
      setPending(null);
    }
  };

  const sso = config.data?.sso.enabled ? config.data.sso : null;
  const isBusy = pending !== null;

  return (
    <>
      <Stack as="form" onSubmit={onSubmit} aria-describedby={error ? errorId : undefined}>
        <Field>
          <FieldLabel htmlFor={`${id}-email`}>Email</FieldLabel>
          <Input
            id={`${id}-email`}
            type="email"
            name="email"
            autoComplete="username"
            inputMode="email"
            spellCheck={false}
            autoCapitalize="none"
            required
            autoFocus
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={error ? true : undefined}
          />
        </Field>
        <Field>
          <FieldLabel htmlFor={`${id}-password`}>Password</FieldLabel>
          <InputGroup>
            <Input
              ref={passwordRef}
              id={`${id}-password`}
              type={showPassword ? "text" : "password"}
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={error ? true : undefined}
            />
            <InputGroupButton aria-pressed={showPassword} aria-controls={`${id}-password`} onClick={() => setShowPassword((v) => !v)}>
              {showPassword ? "Hide" : "Show"}
            </InputGroupButton>
          </InputGroup>
        </Field>

        {/* Always in the DOM so screen readers announce a new message. */}
        <FormError id={errorId} role="alert" aria-live="assertive" aria-atomic="true" data-testid="sign-in-error">
          {error && (
            <>
              <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
                <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" strokeWidth="1.5" />
                <path d="M8 4.5v4M8 11v.5" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
              </svg>
              <span>{error}</span>
            </>
          )}
        </FormError>

        <Button type="submit" variant="primary" size="block" className={styles.submit} disabled={isBusy} aria-busy={pending === "password"}>
          {pending === "password" ? (
            <>
              <Spinner inline />
              Signing in…
            </>
          ) : (
            "Sign in"
          )}
        </Button>
      </Stack>

      {sso && (
        <>
          <div className={styles.divider} role="separator">
            <span>or</span>
          </div>
          <Button size="block" onClick={onSso} disabled={isBusy} aria-busy={pending === "sso"}>
            {pending === "sso" ? "Redirecting…" : ssoButtonText(sso.label)}
          </Button>
        </>
      )}

      {config.data?.demo && (
        <DemoAccounts
          onPick={(demoEmail, demoPassword) => {
            setEmail(demoEmail);
            setPassword(demoPassword);
            setError(null);
          }}
        />
      )}
    </>
  );
}
