import { z } from "zod";
import { type JournalAction, journalActions } from "./journal-actions";

export const PERSON_FILTER_MAX = 100;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const day = z.preprocess(blankToUndefined, z.iso.date().optional());

/** The journal's filters from the URL (French parameter names, as the form sends them). */
const journalParamsSchema = z.object({
  action: z.preprocess(blankToUndefined, z.enum(journalActions).optional()),
  personne: z.preprocess(blankToUndefined, z.string().trim().max(PERSON_FILTER_MAX).optional()),
  du: day,
  au: day,
  // A cursor that is not an entry's id starts again from the newest (listAuditEntries checks it).
  avant: z.preprocess(blankToUndefined, z.string().max(100).optional()).catch(undefined),
});

export type JournalFilters = { action?: JournalAction; person?: string; from?: string; to?: string; before?: string };
export type JournalFilterField = "action" | "person" | "from" | "to";
/** A message key under audit.errors for each field the URL got wrong. */
export type JournalFilterErrors = Partial<Record<JournalFilterField, "action" | "person" | "date" | "range">>;

const FIELDS = { action: "action", personne: "person", du: "from", au: "to" } as const;
const CODES = { action: "action", person: "person", from: "date", to: "date" } as const;

/** Parses and checks the journal's filters; any error is named by field, and nothing is filtered then. */
export function parseJournalFilters(params: Record<string, string | string[] | undefined>): {
  filters: JournalFilters;
  errors: JournalFilterErrors;
} {
  const parsed = journalParamsSchema.safeParse(params);
  if (!parsed.success) {
    const errors: JournalFilterErrors = {};
    for (const issue of parsed.error.issues) {
      const field = FIELDS[issue.path[0] as keyof typeof FIELDS];
      if (field) errors[field] = CODES[field];
    }

    return { filters: {}, errors };
  }
  const { action, personne, du, au, avant } = parsed.data;
  if (du && au && du > au) return { filters: {}, errors: { to: "range" } };

  return { filters: { action, person: personne, from: du, to: au, before: avant }, errors: {} };
}

/** The URL query of these filters (and a page's cursor), for links that keep them. */
export function journalQuery(filters: JournalFilters, before?: string): string {
  const entries = { action: filters.action, personne: filters.person, du: filters.from, au: filters.to, avant: before };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(entries)) if (value) params.set(key, value);

  return params.toString();
}
