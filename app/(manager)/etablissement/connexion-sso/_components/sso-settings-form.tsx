"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FieldError, FormMessage } from "@/app/_components/form-feedback";
import type { FormState } from "@/lib/forms";
import { saveSso } from "../actions";

export type SsoFormValues = { displayName: string; issuer: string; clientId: string; discoveryPath: string; scopes: string; acrValues: string; isEnabled: boolean };

type Props = { organisationId: string; initial: SsoFormValues; hasClientSecret: boolean };

const TEXT_FIELDS = [
  { key: "displayName", hint: "displayNameHint", type: "text" },
  { key: "issuer", hint: "issuerHint", type: "text" },
  { key: "clientId", hint: undefined, type: "text" },
  { key: "clientSecret", hint: undefined, type: "password" },
  { key: "discoveryPath", hint: "discoveryPathHint", type: "text" },
  { key: "scopes", hint: "scopesHint", type: "text" },
  { key: "acrValues", hint: "acrValuesHint", type: "text" },
] as const;

/** The SSO settings; the client secret is write-only (never sent back to the browser). */
export function SsoSettingsForm({ organisationId, initial, hasClientSecret }: Props) {
  const t = useTranslations("sso.settings");
  const [state, action, pending] = useActionState<FormState, FormData>(saveSso, {});
  const errors = state.fieldErrors ?? {};
  const typed = state.typed;
  const value = (key: Exclude<keyof SsoFormValues, "isEnabled">) => typed?.[key] ?? initial[key];

  return (
    <form action={action} className="form" noValidate>
      <div>
        <FormMessage message={state.ok ? undefined : state.message} />
        <div role="status" aria-live="polite">
          {state.ok && <p className="callout">{state.message}</p>}
        </div>
      </div>
      <input type="hidden" name="organisationId" value={organisationId} />
      {TEXT_FIELDS.map(({ key, hint, type }) => {
        const hintText = key === "clientSecret" ? t(hasClientSecret ? "clientSecretHintKeep" : "clientSecretHintNew") : hint && t(hint);
        const describedBy = [hintText && `${key}-hint`, errors[key] && `${key}-error`].filter(Boolean).join(" ");

        return (
          <div key={key} className="field">
            <label htmlFor={key}>{t(key)}</label>
            {hintText && (
              <span id={`${key}-hint`} className="hint">
                {hintText}
              </span>
            )}
            <input
              id={key}
              name={key}
              type={type}
              autoComplete="off"
              spellCheck={false}
              defaultValue={key === "clientSecret" ? "" : value(key)}
              aria-invalid={errors[key] ? true : undefined}
              aria-describedby={describedBy || undefined}
            />
            <FieldError id={`${key}-error`} errors={errors[key]} />
          </div>
        );
      })}
      <div className="field field--checkbox">
        <input id="isEnabled" name="isEnabled" type="checkbox" defaultChecked={typed ? typed.isEnabled === "on" : initial.isEnabled} />
        <label htmlFor="isEnabled">{t("isEnabled")}</label>
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
