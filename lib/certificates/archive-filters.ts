import { z } from "zod";
import { courseSubjectField } from "@/lib/courses/course-subject";
import type { Locale } from "@/lib/i18n/locales";
import { validationMessages } from "@/lib/i18n/validation-messages";
import type { ArchiveFilters } from "./certificates-archive-query";

const emptyToUndefined = (v: unknown) => (v === "" ? undefined : v);

/**
 * The ZIP's filters from the URL (French names, as the form sends them), with messages in `locale`
 * (French when absent).
 */
export function archiveParamsSchemaFor(locale?: Locale) {
  const t = validationMessages(locale);

  return z
    .object({
      etablissement: z.preprocess(emptyToUndefined, z.guid(t("certificatesArchive.establishmentUnknown")).optional()),
      sujet: z.preprocess(emptyToUndefined, courseSubjectField(t("certificatesArchive.subjectUnknown")).optional()),
      du: z.preprocess(emptyToUndefined, z.iso.date(t("certificatesArchive.fromInvalid")).optional()),
      au: z.preprocess(emptyToUndefined, z.iso.date(t("certificatesArchive.toInvalid")).optional()),
    })
    .refine((p) => !p.du || !p.au || p.du <= p.au, {
      message: t("certificatesArchive.rangeInvalid"),
      path: ["au"],
    });
}

export const archiveParamsSchema = archiveParamsSchemaFor();

export type ArchiveParams = z.infer<typeof archiveParamsSchema>;

export function archiveFilters(params: ArchiveParams): ArchiveFilters {
  return { subject: params.sujet, from: params.du, to: params.au };
}
