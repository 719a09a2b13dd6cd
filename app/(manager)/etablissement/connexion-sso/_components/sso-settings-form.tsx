"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormOutcome, TextField } from "@/app/_components/form-feedback";
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
      <FormOutcome ok={state.ok} message={state.message} />
      <input type="hidden" name="organisationId" value={organisationId} />
      {TEXT_FIELDS.map(({ key, hint, type }) => (
        <TextField
          key={key}
          id={key}
          label={t(key)}
          hint={key === "clientSecret" ? t(hasClientSecret ? "clientSecretHintKeep" : "clientSecretHintNew") : hint && t(hint)}
          errors={errors[key]}
          type={type}
          autoComplete="off"
          spellCheck={false}
          defaultValue={key === "clientSecret" ? "" : value(key)}
        />
      ))}
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
