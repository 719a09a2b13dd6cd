import { getTranslations } from "next-intl/server";
import { ScormDownloadLink } from "./scorm-download-link";

/** For managers and admins: the module or path as a SCORM 1.2 package for their own LMS. */
export async function ScormDownload({ href, describedBy }: { href: string; describedBy?: string }) {
  const t = await getTranslations("scormPlayer");

  return <ScormDownloadLink href={href} describedBy={describedBy} label={t("download")} hint={t("downloadHint")} />;
}
