import { getTranslations } from "next-intl/server";

/** For managers and admins: the module or path as a SCORM 1.2 package for their own LMS. */
export async function ScormDownload({ href, describedBy }: { href: string; describedBy?: string }) {
  const t = await getTranslations("scormPlayer");
  const hintId = `${href.replace(/\W+/g, "-")}-hint`;

  return (
    <p className="scorm-download">
      <a
        className="button button--secondary"
        href={href}
        download
        aria-describedby={[describedBy, hintId].filter(Boolean).join(" ")}
      >
        {t("download")}
      </a>{" "}
      <span id={hintId} className="hint">
        {t("downloadHint")}
      </span>
    </p>
  );
}
