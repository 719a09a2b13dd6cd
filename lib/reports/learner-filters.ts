import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { learnerStatuses } from "@/lib/assignments/assignment-status";

export const learnerSorts = ["name", "email", "team", "status", "progress", "activity"] as const;
export type LearnerSort = (typeof learnerSorts)[number];

const optionalUuid = z.preprocess((v) => (v === "" ? undefined : v), z.guid().optional()).catch(undefined);

/** The learner list's filters, from the URL (French parameter names); anything malformed is dropped. */
export const learnerFiltersSchema = z.object({
  equipe: optionalUuid,
  affectation: optionalUuid,
  statut: z.enum(learnerStatuses).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  tri: z.enum(learnerSorts).optional().catch(undefined),
  ordre: z.enum(["asc", "desc"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type LearnerFilters = z.infer<typeof learnerFiltersSchema>;

/** Conditions on memberships m and users u: team and name/e-mail search (LIKE metacharacters escaped). */
export function learnerWhere(filters: LearnerFilters): SQL | undefined {
  const parts: SQL[] = [];
  if (filters.equipe) parts.push(sql`m.team_id = ${filters.equipe}::uuid`);
  if (filters.q) {
    const pattern = `%${filters.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(sql`(lower(coalesce(u.name, '')) like ${pattern} or lower(coalesce(u.email, '')) like ${pattern})`);
  }

  return parts.length > 0 ? sql.join(parts, sql` and `) : undefined;
}

/** Turns filters back into a query string, for links that keep them. */
export function filtersQuery(filters: LearnerFilters, change: Partial<LearnerFilters> = {}): string {
  const merged = { ...filters, ...change };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged))
    if (value !== undefined && value !== "") params.set(key, String(value));

  return params.toString();
}
