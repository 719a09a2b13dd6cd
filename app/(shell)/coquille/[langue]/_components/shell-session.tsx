"use client";

import { type ReactNode, createContext, useContext, useState } from "react";
import { ScormDownloadLink } from "@/app/(site)/(learner)/modules/_components/scorm-download-link";
import { LoadedStateContext } from "@/app/(site)/(learner)/modules/[moduleId]/_components/loaded-state";
import { DemoBannerNote } from "@/app/_components/demo-banner-note";
import { useLightTranslations } from "@/app/_components/light-messages";
import { SiteHeaderView } from "@/app/_components/site-header-view";
import type { Locale } from "@/lib/i18n/locales";
import type { ShellAnswer } from "@/lib/progress/module-state-answer";

const AnswerContext = createContext<ShellAnswer | null>(null);

/** Holds the state route's answer once the player (or the catalogue) has it, for the parts of the page drawn from it. */
export function ShellSession({ children }: { children: ReactNode }) {
  const [answer, setAnswer] = useState<ShellAnswer | null>(null);

  return (
    <LoadedStateContext.Provider value={setAnswer}>
      <AnswerContext.Provider value={answer}>{children}</AnswerContext.Provider>
    </LoadedStateContext.Provider>
  );
}

/** The site's header; its account part once the state has said who is there (none before). */
export function ShellHeader({ locale }: { locale: Locale }) {
  const answer = useContext(AnswerContext);
  const t = useLightTranslations("shell");
  const tInvitations = useLightTranslations("memberships.invitations");
  const tSwitcher = useLightTranslations("memberships.switcher");

  return (
    <SiteHeaderView
      t={t}
      tInvitations={tInvitations}
      tSwitcher={tSwitcher}
      locale={locale}
      viewer={answer?.viewer}
      reloadAfterChange
    />
  );
}

export function ShellDemoBanner() {
  const answer = useContext(AnswerContext);
  const t = useLightTranslations("shell");

  return answer?.isDemo ? <DemoBannerNote text={t("demoBanner")} /> : null;
}

/** For managers and admins, as on the page rendered per request: the module as a SCORM package. */
export function ShellScormDownload({ moduleId }: { moduleId: string }) {
  const answer = useContext(AnswerContext);
  const t = useLightTranslations("scormPlayer");
  if (!answer?.viewer.mayManage) return null;

  return <ScormDownloadLink href={`/modules/${moduleId}/scorm`} label={t("download")} hint={t("downloadHint")} />;
}
