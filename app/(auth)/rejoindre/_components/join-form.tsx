"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FieldError, FormMessage } from "@/app/_components/form-feedback";
import type { FormState } from "@/lib/forms";
import { joinAction } from "../actions";

const FIELDS = [
  { key: "name", type: "text", autoComplete: "name", hint: "nameHint" },
  { key: "username", type: "text", autoComplete: "username", hint: "usernameHint" },
  { key: "password", type: "password", autoComplete: "new-password", hint: "passwordHint" },
  { key: "passwordConfirmation", type: "password", autoComplete: "new-password", hint: undefined },
] as const;

/** Name, username and password: the account of someone joining with a code (no e-mail: see joinWithCode). */
export function JoinForm({ code }: { code: string }) {
  const t = useTranslations("join");
  const [state, action, pending] = useActionState<FormState, FormData>(joinAction, {});
  const errors = state.fieldErrors ?? {};

  return (
    <form action={action} className="form" noValidate>
      <FormMessage message={state.message} />
      <input type="hidden" name="code" value={code} />
      {FIELDS.map(({ key, type, autoComplete, hint }) => {
        const describedBy = [hint && `${key}-hint`, errors[key] && `${key}-error`].filter(Boolean).join(" ");

        return (
          <div key={key} className="field">
            <label htmlFor={key}>{t(key)}</label>
            {hint && (
              <span id={`${key}-hint`} className="hint">
                {t(hint)}
              </span>
            )}
            <input
              id={key}
              name={key}
              type={type}
              autoComplete={autoComplete}
              autoCapitalize={key === "name" ? undefined : "none"}
              spellCheck={key === "name" ? undefined : false}
              required
              defaultValue={type === "password" ? undefined : state.typed?.[key]}
              aria-invalid={errors[key] ? true : undefined}
              aria-describedby={describedBy || undefined}
            />
            <FieldError id={`${key}-error`} errors={errors[key]} />
          </div>
        );
      })}
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
