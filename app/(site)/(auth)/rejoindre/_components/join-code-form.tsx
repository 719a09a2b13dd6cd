"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage, TextField } from "@/app/_components/form-feedback";
import type { FormState } from "@/lib/forms";
import { enterJoinCode } from "../actions";

/** The join code, as typed from a poster; a wrong or turned-off one is refused with one message. */
export function JoinCodeForm({ initialMessage, initialCode }: { initialMessage?: string; initialCode?: string }) {
  const t = useTranslations("join");
  const [state, action, pending] = useActionState<FormState, FormData>(enterJoinCode, {
    message: initialMessage,
    typed: initialCode ? { code: initialCode } : undefined,
  });
  const errors = state.fieldErrors?.code;

  return (
    <form action={action} className="form" noValidate>
      <FormMessage message={state.message} />
      <TextField
        id="code"
        label={t("code")}
        hint={t("codeHint")}
        errors={errors}
        type="text"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        required
        defaultValue={state.typed?.code}
      />
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("checking") : t("continue")}
      </button>
    </form>
  );
}
