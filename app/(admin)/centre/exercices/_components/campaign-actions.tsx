"use client";

import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { FieldError, FormMessage } from "@/app/_components/form-feedback";
import type { FormState } from "@/lib/forms";
import type { CampaignActions as Available } from "@/lib/phishing/campaign-state";
import { changeCampaignStateAction, launchCampaignAction } from "../actions";

type Props = { campaignId: string; available: Available };

/** What the centre can do with its exercise, for every establishment at once: launch (after confirming), pause, resume, cancel. */
export function CampaignActions({ campaignId, available }: Props) {
  const t = useTranslations("phishingCampaigns");
  const [launchState, launch, launching] = useActionState<FormState, FormData>(launchCampaignAction, {});
  const [changeState, change, changing] = useActionState<FormState, FormData>(changeCampaignStateAction, {});
  const id = useId();
  const informedError = launchState.fieldErrors?.staffInformed;
  const hidden = <input type="hidden" name="campaignId" value={campaignId} />;

  return (
    <div className="stack">
      {available.launch && (
        <form action={launch} noValidate>
          {hidden}
          <div className="field field--checkbox">
            <label>
              <input
                type="checkbox"
                name="staffInformed"
                aria-invalid={informedError ? true : undefined}
                aria-describedby={informedError ? `${id}-informed-error` : undefined}
              />{" "}
              {t("staffInformed")}
            </label>
            <FieldError id={`${id}-informed-error`} errors={informedError} />
          </div>
          <button type="submit" className="button" disabled={launching}>
            {t("launch")}
          </button>
          {launchState.ok ? (
            <p role="status" aria-live="polite" className="hint">
              {launchState.message}
            </p>
          ) : (
            <FormMessage message={launchState.message} />
          )}
        </form>
      )}
      {available.changes.map((name) => (
        <form key={name} action={change}>
          {hidden}
          <input type="hidden" name="change" value={name} />
          <button type="submit" className="button button--secondary" disabled={changing}>
            {t(name)}
          </button>
        </form>
      ))}
      {changeState.message &&
        (changeState.ok ? (
          <p role="status" aria-live="polite" className="hint">
            {changeState.message}
          </p>
        ) : (
          <FormMessage message={changeState.message} />
        ))}
    </div>
  );
}
