import { z } from "zod";
import type { RegionEstablishment } from "./get-region-report";

export const regionSorts = ["name", "group", "enrolled", "active", "completions", "certificates"] as const;
export type RegionSort = (typeof regionSorts)[number];

/** The region table's sort, from the URL (French parameter names); anything malformed is dropped. */
export const regionSortSchema = z.object({
  tri: z.enum(regionSorts).optional().catch(undefined),
  ordre: z.enum(["asc", "desc"]).optional().catch(undefined),
});

const collator = new Intl.Collator("fr", { sensitivity: "base", numeric: true });

/** The establishments sorted by one column, then by name; numbers and names as a French reader expects. */
export function sortEstablishments(
  rows: RegionEstablishment[],
  sort: RegionSort = "name",
  order: "asc" | "desc" = "asc",
): RegionEstablishment[] {
  const sign = order === "asc" ? 1 : -1;
  const value = (row: RegionEstablishment) =>
    sort === "name" ? row.name : sort === "group" ? (row.groupName ?? "") : row[sort];

  return [...rows].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    const byColumn = typeof x === "number" && typeof y === "number" ? x - y : collator.compare(String(x), String(y));
    return sign * byColumn || collator.compare(a.name, b.name) || a.id.localeCompare(b.id);
  });
}
