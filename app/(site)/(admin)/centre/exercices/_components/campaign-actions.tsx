"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormOutcome } from "@/app/_components/form-feedback";
import { LaunchExerciseForm } from "@/app/_components/phishing/exercise-form-parts";
import type { FormState } from "@/lib/forms";
import type { CampaignActions as Available } from "@/lib/phishing/campaign-state";
import { changeCampaignStateAction, launchCampaignAction } from "../actions";

type Props = { campaignId: string; available: Available };

/** What the centre can do with its exercise, for every establishment at once: launch (after confirming), pause, resume, cancel. */
export function CampaignActions({ campaignId, available }: Props) {
  const t = useTranslations("phishingCampaigns");
  const [launchState, launch, launching] = useActionState<FormState, FormData>(launchCampaignAction, {});
  const [changeState, change, changing] = useActionState<FormState, FormData>(changeCampaignStateAction, {});
  const hidden = <input type="hidden" name="campaignId" value={campaignId} />;

  return (
    <div className="stack">
      {available.launch && (
        <LaunchExerciseForm
          action={launch}
          pending={launching}
          state={launchState}
          hidden={hidden}
          informedLabel={t("staffInformed")}
          launchLabel={t("launch")}
        />
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
      <FormOutcome ok={changeState.ok} message={changeState.message} />
    </div>
  );
}
