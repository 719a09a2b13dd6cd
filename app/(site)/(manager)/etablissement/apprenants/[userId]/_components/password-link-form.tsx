"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
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
      <div role="status" aria-live="polite">
        {state.message && <p className={state.url ? "form-notice" : "form-message"}>{state.message}</p>}
        {state.url && (
          <p className="password-link">
            <code>{state.url}</code>
          </p>
        )}
      </div>
    </form>
  );
}
