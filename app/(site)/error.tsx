"use client";

import Link from "next/link";
import { useLightTranslations } from "@/app/_components/light-messages";
import { useEffect, useRef } from "react";

/**
 * What a page shows when rendering it failed on the server or in the browser. The digest
 * lets the people who run Vigie find the matching line in the server's log; no detail of
 * the error itself is shown.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useLightTranslations("errors.error");
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <div className="narrow" role="alert">
      <h1 ref={heading} tabIndex={-1}>
        {t("title")}
      </h1>
      <p>{t("body")}</p>
      {error.digest && <p className="hint">{t("reference", { digest: error.digest })}</p>}
      <p className="hero__actions">
        <button type="button" className="button" onClick={reset}>
          {t("retry")}
        </button>
        <Link href="/">{t("home")}</Link>
      </p>
    </div>
  );
}
