"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormOutcome } from "@/app/_components/form-feedback";
import type { FormState } from "@/lib/forms";
import { createJoinCodeAction } from "../actions";

type Props = { organisationId: string; teams: { id: string; name: string }[] };

export function CreateJoinCodeForm({ organisationId, teams }: Props) {
  const t = useTranslations("joinCodes");
  const [state, action, pending] = useActionState<FormState, FormData>(createJoinCodeAction, {});

  return (
    <form action={action} className="form">
      <input type="hidden" name="organisationId" value={organisationId} />
      <div className="field">
        <label htmlFor="join-code-team">{t("scope")}</label>
        <select id="join-code-team" name="teamId" defaultValue="">
          <option value="">{t("wholeEstablishment")}</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {t("teamOption", { name: team.name })}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("creating") : t("create")}
      </button>
      <FormOutcome ok={state.ok} message={state.message} />
    </form>
  );
}
