"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormOutcome, TextField } from "@/app/_components/form-feedback";
import type { FormState } from "@/lib/forms";
import { createTeamAction } from "../actions";

export function CreateTeamForm({ organisationId }: { organisationId: string }) {
  const t = useTranslations("teams");
  const [state, action, pending] = useActionState<FormState, FormData>(createTeamAction, {});
  const errors = state.fieldErrors?.name;

  return (
    <form action={action} className="form">
      <input type="hidden" name="organisationId" value={organisationId} />
      <TextField id="team-name" name="name" label={t("name")} errors={errors} type="text" required />
      <button type="submit" className="button" disabled={pending}>
        {t("add")}
      </button>
      <FormOutcome ok={state.ok} message={state.message} />
    </form>
  );
}
