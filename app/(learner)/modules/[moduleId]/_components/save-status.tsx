"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { EventQueue, SaveState } from "./event-queue";

/** Tells the learner whether their progress reached the server, politely, without stealing focus. */
export function SaveStatus({ queue }: { queue: EventQueue }) {
  const t = useTranslations("player.save");
  const [state, setState] = useState<SaveState>("saved");

  useEffect(() => queue.subscribe((next) => setState(next)), [queue]);

  return (
    <div className={`save-status save-status--${state}`} role="status" aria-live="polite">
      {state === "saved" && t("saved")}
      {state === "saving" && t("saving")}
      {state === "late" && t("late")}
      {state === "signed_out" && (
        <>
          {t("signedOut")} <a href={`/connexion?retour=${encodeURIComponent(typeof window === "undefined" ? "/modules" : window.location.pathname + window.location.search)}`}>{t("signIn")}</a>
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
