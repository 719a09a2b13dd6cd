"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormOutcome } from "@/app/_components/form-feedback";
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
      <FormOutcome ok={state.ok} message={state.message} />
    </form>
  );
}
