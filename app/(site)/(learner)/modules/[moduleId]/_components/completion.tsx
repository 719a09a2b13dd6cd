"use client";

import Link from "next/link";
import { useLightTranslations } from "@/app/_components/light-messages";
import { useEffect, useRef } from "react";

export type CompletionProps = {
  title: string;
  /** Where the certificate is downloaded; offered once the completion has reached the server. */
  certificateHref: string;
  saved: boolean;
  place: { pathTitle: string; position: number; total: number; next: { id: string; title: string } | null } | null;
  onReview: () => void;
};

/** "Vous avez terminé ?": what comes next once a module is done. */
export function Completion({ title, certificateHref, saved, place, onReview }: CompletionProps) {
  const t = useLightTranslations("player.done");
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);

  return (
    <section className="completion" aria-labelledby="completion-title">
      <h1 id="completion-title" ref={headingRef} tabIndex={-1}>
        {t("title", { title })}
      </h1>
      <p>{t("body")}</p>
      <div className="callout">
        <h2>{t("certificateTitle")}</h2>
        {saved ? (
          <a className="button" href={certificateHref}>
            {t("certificateDownload")}
          </a>
        ) : (
          // Not FormOutcome: a live wait for the save, which the download link replaces.
          <p role="status">{t("certificateWaiting")}</p>
        )}
      </div>
      <div className="completion__actions">
        {place?.next && (
          // Module pages and the catalogue are shells that only the proxy serves; prefetches skip it.
          <Link href={`/modules/${place.next.id}`} prefetch={false} className="button">
            {t("next", { title: place.next.title })}
          </Link>
        )}
        <Link href="/modules" prefetch={false} className="button button--secondary">
          {t("backToModules")}
        </Link>
        <button type="button" className="button button--quiet" onClick={onReview}>
          {t("review")}
        </button>
      </div>
    </section>
  );
}
