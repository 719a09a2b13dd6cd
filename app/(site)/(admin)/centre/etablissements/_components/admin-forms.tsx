"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FieldError, FormOutcome } from "@/app/_components/form-feedback";
import type { FormState } from "@/lib/forms";
import { createEstablishmentAction, nameManagerAction } from "../actions";

type Option = { id: string; name: string };

function Field({
  id,
  name,
  label,
  state,
  type = "text",
  required = false,
}: {
  id: string;
  name: string;
  label: string;
  state: FormState;
  type?: string;
  required?: boolean;
}) {
  const errors = state.fieldErrors?.[name];
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        required={required}
        defaultValue={state.ok ? "" : state.typed?.[name]}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? `${id}-error` : undefined}
      />
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}

export function CreateEstablishmentForm({ parents }: { parents: Option[] }) {
  const t = useTranslations("organisationsAdmin");
  const [state, action, pending] = useActionState<FormState, FormData>(createEstablishmentAction, {});
  return (
    <form action={action} className="form">
      <Field id="establishment-name" name="name" label={t("name")} state={state} required />
      <div className="field">
        <label htmlFor="establishment-kind">{t("kind")}</label>
        <select
          id="establishment-kind"
          name="kind"
          defaultValue="establishment"
          aria-invalid={state.fieldErrors?.kind ? true : undefined}
          aria-describedby={state.fieldErrors?.kind ? "establishment-kind-error" : undefined}
        >
          <option value="establishment">{t("kinds.establishment")}</option>
          <option value="group">{t("kinds.group")}</option>
        </select>
        <FieldError id="establishment-kind-error" errors={state.fieldErrors?.kind} />
      </div>
      <div className="field">
        <label htmlFor="establishment-parent">{t("parent")}</label>
        <select id="establishment-parent" name="parentId" defaultValue="">
          <option value="">{t("noParent")}</option>
          {parents.map((parent) => (
            <option key={parent.id} value={parent.id}>
              {parent.name}
            </option>
          ))}
        </select>
      </div>
      <Field id="establishment-finess" name="finess" label={t("finess")} state={state} />
      <button type="submit" className="button" disabled={pending}>
        {t("create")}
      </button>
      <FormOutcome ok={state.ok} message={state.message} reauthenticate={state.reauthenticate} look="notice" />
    </form>
  );
}

export function NameManagerForm({ establishments }: { establishments: Option[] }) {
  const t = useTranslations("organisationsAdmin");
  const [state, action, pending] = useActionState<FormState, FormData>(nameManagerAction, {});
  return (
    <form action={action} className="form">
      <div className="field">
        <label htmlFor="manager-establishment">{t("establishment")}</label>
        <select id="manager-establishment" name="organisationId" required>
          {establishments.map((establishment) => (
            <option key={establishment.id} value={establishment.id}>
              {establishment.name}
            </option>
          ))}
        </select>
      </div>
      <Field id="manager-name" name="name" label={t("managerName")} state={state} required />
      <Field id="manager-email" name="email" type="email" label={t("managerEmail")} state={state} required />
      <button type="submit" className="button" disabled={pending || establishments.length === 0}>
        {t("nameManager")}
      </button>
      <FormOutcome ok={state.ok} message={state.message} reauthenticate={state.reauthenticate} look="notice" />
    </form>
  );
}
