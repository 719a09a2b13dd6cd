"use client";

import { useLightTranslations } from "@/app/_components/light-messages";
import { useEffect, useState } from "react";
import type { SaveState } from "./event-queue";

/** Tells the learner whether their progress reached the server, politely, without stealing focus. */
export function SaveStatus({ state }: { state: SaveState }) {
  const t = useLightTranslations("player.save");
  // The return path is this page's, known only in the browser: read after hydration.
  const [here, setHere] = useState("/modules");
  // eslint-disable-next-line react-hooks/set-state-in-effect -- the address bar exists only in the browser
  useEffect(() => setHere(window.location.pathname + window.location.search), [state]);

  // Not FormOutcome: a live status that follows every save, including its failures (polite, never an alert).
  return (
    <div className={`save-status save-status--${state}`} role="status" aria-live="polite">
      {state === "saved" && t("saved")}
      {state === "saving" && t("saving")}
      {state === "late" && t("late")}
      {state === "signed_out" && (
        <>
          {t("signedOut")} <a href={`/connexion?retour=${encodeURIComponent(here)}`}>{t("signIn")}</a>
        </>
      )}
      {state === "stale" && (
        <>
          {t("stale")}{" "}
          <button type="button" className="button button--quiet" onClick={() => window.location.reload()}>
            {t("reload")}
          </button>
        </>
      )}
    </div>
  );
}
