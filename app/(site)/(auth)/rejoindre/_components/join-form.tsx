"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage, TextField } from "@/app/_components/form-feedback";
import type { FormState } from "@/lib/forms";
import { joinAction } from "../actions";

const FIELDS = [
  { key: "name", type: "text", autoComplete: "name", hint: "nameHint" },
  { key: "username", type: "text", autoComplete: "username", hint: "usernameHint" },
  { key: "password", type: "password", autoComplete: "new-password", hint: "passwordHint" },
  { key: "passwordConfirmation", type: "password", autoComplete: "new-password", hint: undefined },
] as const;

type Props = { code: string; usernameMinLength: number; passwordMinLength: number };

/**
 * Name, username and password: the account of someone joining with a code (no e-mail: see
 * joinWithCode). The page passes the rules' lengths, whose homes are lib/join/username.ts and
 * lib/auth/password-policy.ts.
 */
export function JoinForm({ code, usernameMinLength, passwordMinLength }: Props) {
  const t = useTranslations("join");
  const [state, action, pending] = useActionState<FormState, FormData>(joinAction, {});
  const errors = state.fieldErrors ?? {};

  return (
    <form action={action} className="form" noValidate>
      <FormMessage message={state.message} />
      <input type="hidden" name="code" value={code} />
      {FIELDS.map(({ key, type, autoComplete, hint }) => (
        <TextField
          key={key}
          id={key}
          label={t(key)}
          hint={hint && t(hint, { min: key === "password" ? passwordMinLength : usernameMinLength })}
          errors={errors[key]}
          type={type}
          autoComplete={autoComplete}
          minLength={type === "password" ? passwordMinLength : undefined}
          autoCapitalize={key === "name" ? undefined : "none"}
          spellCheck={key === "name" ? undefined : false}
          required
          defaultValue={type === "password" ? undefined : state.typed?.[key]}
        />
      ))}
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
