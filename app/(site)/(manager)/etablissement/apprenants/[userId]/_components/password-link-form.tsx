"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormOutcome } from "@/app/_components/form-feedback";
import { type PasswordLinkState, createPasswordLinkAction } from "../actions";
import "./password-link.css";

/** Creates the link and shows it once, for the manager to hand over (it is not stored in clear). */
export function PasswordLinkForm({ organisationId, userId }: { organisationId: string; userId: string }) {
  const t = useTranslations("joinCodes.passwordLink");
  const [state, action, pending] = useActionState<PasswordLinkState, FormData>(createPasswordLinkAction, {});

  return (
    <form action={action} className="form">
      <input type="hidden" name="organisationId" value={organisationId} />
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" className="button button--secondary" disabled={pending}>
        {t("create")}
      </button>
      <FormOutcome ok={Boolean(state.url)} message={state.message} look="notice">
        {state.url && (
          <p className="password-link">
            <code>{state.url}</code>
          </p>
        )}
      </FormOutcome>
    </form>
  );
}
