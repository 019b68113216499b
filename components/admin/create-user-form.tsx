"use client";

import { useId, useRef, useState, type SubmitEvent } from "react";
import { ROLES, ZCreateUserRequest, type TAdminUser, type TRole } from "@/lib/contracts/auth";
import { ApiRequestError, errorMessage } from "@/components/api/request-json";
import { roleLabel } from "@/components/nav/role-chip";
import { useCreateUser } from "./admin-queries";
import { Button } from "@/components/ui/button";
import { Card, CardSubtitle, CardTitle } from "@/components/ui/card";
import { Field, FieldError, FieldHint, FieldLabel } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input, Select } from "@/components/ui/input";
import { Stack } from "@/components/ui/page";

type TField = "name" | "email" | "password" | "role";
type TFieldErrors = Partial<Record<TField, string>>;

const CLIENT_MESSAGE: Record<TField, string> = {
  name: "Enter a name (up to 120 characters).",
  email: "Enter a valid email address.",
  password: "Use at least 12 characters (at most 128).",
  role: "Choose a role.",
};

const EMPTY = { name: "", email: "", password: "", role: "operator" as TRole };

/** The same schema the API validates with; messages here are the friendly ones. */
function validate(values: typeof EMPTY): TFieldErrors {
  const result = ZCreateUserRequest.safeParse(values);
  if (result.success) return {};
  const errors: TFieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as TField;
    errors[field] ??= CLIENT_MESSAGE[field];
  }
  return errors;
}

function serverErrors(error: ApiRequestError): TFieldErrors {
  const errors: TFieldErrors = {};
  for (const field of Object.keys(CLIENT_MESSAGE) as TField[]) {
    const messages = error.fieldErrors[field];
    if (messages?.length) errors[field] = messages.join(" ");
  }
  // A duplicate email comes back as 409 without field details: it belongs to the email field.
  if (error.status === 409 && Object.keys(errors).length === 0) errors.email = error.message;
  return errors;
}

type TCreateUserFormProps = { onCreated: (user: TAdminUser) => void };

export function CreateUserForm({ onCreated }: TCreateUserFormProps) {
  const [values, setValues] = useState(EMPTY);
  const [fieldErrors, setFieldErrors] = useState<TFieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const create = useCreateUser();
  const nameRef = useRef<HTMLInputElement>(null);
  const id = useId();

  const set = (field: TField) => (event: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: event.target.value }));
    if (fieldErrors[field]) setFieldErrors((e) => ({ ...e, [field]: undefined }));
  };

  const focusFirstInvalid = (errors: TFieldErrors) => {
    const first = (["name", "email", "password", "role"] as const).find((f) => errors[f]);
    if (first) document.getElementById(`${id}-${first}`)?.focus();
  };

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    setFormError(null);
    const errors = validate(values);
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return focusFirstInvalid(errors);
    create.mutate(
      { ...values, name: values.name.trim(), email: values.email.trim() },
      {
        onSuccess: (user) => {
          setValues(EMPTY);
          setFieldErrors({});
          onCreated(user);
          nameRef.current?.focus();
        },
        onError: (error) => {
          const fromServer = error instanceof ApiRequestError ? serverErrors(error) : {};
          setFieldErrors(fromServer);
          if (Object.keys(fromServer).length > 0) focusFirstInvalid(fromServer);
          else setFormError(errorMessage(error));
        },
      },
    );
  };

  const fieldProps = (field: TField) => ({
    id: `${id}-${field}`,
    name: field,
    "aria-invalid": fieldErrors[field] ? true : undefined,
    "aria-describedby":
      [field === "password" ? `${id}-password-hint` : null, fieldErrors[field] ? `${id}-${field}-error` : null].filter(Boolean).join(" ") ||
      undefined,
  });

  const error = (field: TField) => (fieldErrors[field] ? <FieldError id={`${id}-${field}-error`}>{fieldErrors[field]}</FieldError> : null);

  return (
    <Card aria-labelledby={`${id}-title`}>
      <CardTitle id={`${id}-title`}>New user</CardTitle>
      <CardSubtitle>Public sign-up is off: accounts are created here.</CardSubtitle>
      {/* noValidate: the fields show this form's own messages, not the browser's. */}
      <form onSubmit={onSubmit} noValidate data-testid="create-user-form">
        <Stack>
          <Field>
            <FieldLabel htmlFor={`${id}-name`}>Name</FieldLabel>
            <Input ref={nameRef} type="text" autoComplete="off" value={values.name} onChange={set("name")} {...fieldProps("name")} />
            {error("name")}
          </Field>
          <Field>
            <FieldLabel htmlFor={`${id}-email`}>Email</FieldLabel>
            <Input
              type="email"
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="none"
              value={values.email}
              onChange={set("email")}
              {...fieldProps("email")}
            />
            {error("email")}
          </Field>
          <Field>
            <FieldLabel htmlFor={`${id}-password`}>Initial password</FieldLabel>
            <Input
              type="password"
              autoComplete="new-password"
              value={values.password}
              onChange={set("password")}
              {...fieldProps("password")}
            />
            <FieldHint id={`${id}-password-hint`}>At least 12 characters. Share it with the person securely.</FieldHint>
            {error("password")}
          </Field>
          <Field>
            <FieldLabel htmlFor={`${id}-role`}>Role</FieldLabel>
            <Select value={values.role} onChange={set("role")} {...fieldProps("role")}>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {roleLabel(role)}
                </option>
              ))}
            </Select>
            {error("role")}
          </Field>
          {formError && <FormError role="alert">{formError}</FormError>}
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create user"}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
