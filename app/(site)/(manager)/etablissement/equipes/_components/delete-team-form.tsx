"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormOutcome } from "@/app/_components/form-feedback";
import type { FormState } from "@/lib/forms";
import { deleteTeamAction } from "../actions";

/** Removes a team; a refusal (another establishment's team) says so next to the button. */
export function DeleteTeamForm({
  organisationId,
  teamId,
  teamName,
}: {
  organisationId: string;
  teamId: string;
  teamName: string;
}) {
  const t = useTranslations("teams");
  const [state, action, pending] = useActionState<FormState, FormData>(deleteTeamAction, {});

  return (
    <form action={action}>
      <input type="hidden" name="organisationId" value={organisationId} />
      <input type="hidden" name="teamId" value={teamId} />
      <button type="submit" className="button button--quiet" disabled={pending}>
        {t("delete")}
        <span className="visually-hidden"> {teamName}</span>
      </button>
      <FormOutcome ok={state.ok} message={state.message} look="inline" />
    </form>
  );
}
