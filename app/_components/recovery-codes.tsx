"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

/** Ten recovery codes, shown this once; focus moves to them so that screen readers read them. */
export function RecoveryCodes({ codes, continueTo }: { codes: string[]; continueTo?: string }) {
  const t = useTranslations("secondFactor.recoveryCodes");
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <section className="recovery-codes" aria-labelledby="recovery-codes-title">
      <h2 id="recovery-codes-title" tabIndex={-1} ref={heading}>
        {t("title")}
      </h2>
      <p>{t("intro")}</p>
      <ul className="recovery-codes__list">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      {continueTo && (
        <p>
          {/* A full navigation: the session has just passed its second factor, every page reads it afresh. */}
          <a className="button" href={continueTo}>
            {t("continue")}
          </a>
        </p>
      )}
    </section>
  );
}
