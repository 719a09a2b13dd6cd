"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FieldError, FormOutcome, TextField } from "@/app/_components/form-feedback";
import { type AccountCreationMode, accountCreationModes } from "@/db/schema/organisation-sso";
import type { FormState } from "@/lib/forms";
import { saveSso } from "../actions";

export type SsoFormValues = {
  displayName: string;
  issuer: string;
  clientId: string;
  discoveryPath: string;
  scopes: string;
  acrValues: string;
  isEnabled: boolean;
  isProSanteConnect: boolean;
  accountCreation: AccountCreationMode;
  allowedEmailDomains: string;
  structureIds: string;
};

type Props = { organisationId: string; initial: SsoFormValues; hasClientSecret: boolean; canEditEmailDomains: boolean };

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
export function SsoSettingsForm({ organisationId, initial, hasClientSecret, canEditEmailDomains }: Props) {
  const t = useTranslations("sso.settings");
  const [state, action, pending] = useActionState<FormState, FormData>(saveSso, {});
  const errors = state.fieldErrors ?? {};
  const typed = state.typed;
  const value = (key: Exclude<keyof SsoFormValues, "isEnabled" | "isProSanteConnect">) => typed?.[key] ?? initial[key];
  const checked = (key: "isEnabled" | "isProSanteConnect") => (typed ? typed[key] === "on" : initial[key]);
  const creation = value("accountCreation");

  return (
    <form action={action} className="form" noValidate>
      <FormOutcome ok={state.ok} message={state.message} reauthenticate={state.reauthenticate} />
      <input type="hidden" name="organisationId" value={organisationId} />
      {TEXT_FIELDS.map(({ key, hint, type }) => (
        <TextField
          key={key}
          id={key}
          label={t(key)}
          hint={
            key === "clientSecret"
              ? t(hasClientSecret ? "clientSecretHintKeep" : "clientSecretHintNew")
              : hint && t(hint)
          }
          errors={errors[key]}
          type={type}
          autoComplete="off"
          spellCheck={false}
          defaultValue={key === "clientSecret" ? "" : value(key)}
        />
      ))}
      <div className="field field--checkbox">
        <input
          id="isProSanteConnect"
          name="isProSanteConnect"
          type="checkbox"
          defaultChecked={checked("isProSanteConnect")}
          aria-describedby="isProSanteConnect-hint"
        />
        <label htmlFor="isProSanteConnect">{t("isProSanteConnect")}</label>
        <span id="isProSanteConnect-hint" className="hint">
          {t("isProSanteConnectHint")}
        </span>
      </div>
      <fieldset
        className="choices"
        aria-describedby={["accountCreation-hint", errors.accountCreation?.length ? "accountCreation-error" : ""]
          .filter(Boolean)
          .join(" ")}
      >
        <legend>{t("accountCreation")}</legend>
        <span id="accountCreation-hint" className="hint">
          {t("accountCreationHint")}
        </span>
        {accountCreationModes.map((mode) => (
          <div key={mode} className="field field--checkbox">
            <input
              id={`accountCreation-${mode}`}
              name="accountCreation"
              type="radio"
              value={mode}
              defaultChecked={creation === mode}
            />
            <label htmlFor={`accountCreation-${mode}`}>{t(`accountCreation_${mode}`)}</label>
          </div>
        ))}
        <FieldError id="accountCreation-error" errors={errors.accountCreation} />
      </fieldset>
      {canEditEmailDomains ? (
        <TextField
          id="allowedEmailDomains"
          label={t("allowedEmailDomains")}
          hint={t("allowedEmailDomainsHint")}
          errors={errors.allowedEmailDomains}
          autoComplete="off"
          spellCheck={false}
          defaultValue={value("allowedEmailDomains")}
        />
      ) : (
        <p className="hint">
          {t("allowedEmailDomainsReadOnly", { domains: initial.allowedEmailDomains || t("noDomains") })}
        </p>
      )}
      <TextField
        id="structureIds"
        label={t("structureIds")}
        hint={t("structureIdsHint")}
        errors={errors.structureIds}
        autoComplete="off"
        spellCheck={false}
        defaultValue={value("structureIds")}
      />
      <div className="field field--checkbox">
        <input id="isEnabled" name="isEnabled" type="checkbox" defaultChecked={checked("isEnabled")} />
        <label htmlFor="isEnabled">{t("isEnabled")}</label>
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
