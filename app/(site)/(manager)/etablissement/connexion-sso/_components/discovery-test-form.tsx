"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { FormState } from "@/lib/forms";
import { testDiscovery } from "../actions";

/** "Tester la découverte": the answer is announced, in a callout that says clearly what is wrong. */
export function DiscoveryTestForm({ organisationId }: { organisationId: string }) {
  const t = useTranslations("sso.settings");
  const [state, action, pending] = useActionState<FormState, FormData>(testDiscovery, {});

  return (
    <form action={action} className="form">
      <input type="hidden" name="organisationId" value={organisationId} />
      <button type="submit" className="button button--secondary" disabled={pending}>
        {pending ? t("testing") : t("testSubmit")}
      </button>
      <div role="status" aria-live="polite">
        {state.message && (
          <p className={state.ok ? "callout sso-test-result" : "callout callout--alert sso-test-result"}>
            {state.message}
          </p>
        )}
      </div>
    </form>
  );
}
