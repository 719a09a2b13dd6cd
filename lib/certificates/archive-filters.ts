import { z } from "zod";
import type { ArchiveFilters } from "./certificates-archive-query";

const emptyToUndefined = (v: unknown) => (v === "" ? undefined : v);

/** The ZIP's filters from the URL (French names, as the form sends them). */
export const archiveParamsSchema = z
  .object({
    etablissement: z.preprocess(emptyToUndefined, z.guid("Établissement inconnu.").optional()),
    sujet: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^(module|path):[a-z0-9-]{1,80}$/, "Module ou parcours inconnu.")
        .optional(),
    ),
    du: z.preprocess(emptyToUndefined, z.iso.date("La date de début doit être une date (jj/mm/aaaa).").optional()),
    au: z.preprocess(emptyToUndefined, z.iso.date("La date de fin doit être une date (jj/mm/aaaa).").optional()),
  })
  .refine((p) => !p.du || !p.au || p.du <= p.au, {
    message: "La date de début doit précéder la date de fin.",
    path: ["au"],
  });

export type ArchiveParams = z.infer<typeof archiveParamsSchema>;

export function archiveFilters(params: ArchiveParams): ArchiveFilters {
  const [type, id] = params.sujet ? (params.sujet.split(":") as ["module" | "path", string]) : [];

  return { subject: type && id ? { type, id } : undefined, from: params.du, to: params.au };
}
