import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { RegionEstablishment } from "@/lib/region/get-region-report";
import type { RegionSort } from "@/lib/region/region-sort";
import { TableScroll } from "@/app/_components/reports/table-scroll";

type Props = { rows: RegionEstablishment[]; sort: RegionSort; order: "asc" | "desc" };

const columns: { sort: RegionSort; key: string; number?: boolean }[] = [
  { sort: "name", key: "establishment" },
  { sort: "group", key: "group" },
  { sort: "enrolled", key: "enrolled", number: true },
  { sort: "active", key: "active", number: true },
  { sort: "completions", key: "completions", number: true },
  { sort: "certificates", key: "certificates", number: true },
];

/** One row per establishment; each column header is a link that sorts by it (aria-sort says how). */
export async function RegionTable({ rows, sort, order }: Props) {
  const t = await getTranslations("regionReport");
  const href = (column: RegionSort) => `?tri=${column}&ordre=${sort === column && order === "asc" ? "desc" : "asc"}`;

  return (
    <TableScroll label={t("byEstablishment")}>
      <table className="report-table">
        <caption>{t("byEstablishment")}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.sort}
                scope="col"
                className={column.number ? "number" : undefined}
                aria-sort={sort === column.sort ? (order === "asc" ? "ascending" : "descending") : undefined}
              >
                <Link href={href(column.sort)}>
                  {t(column.key)}
                  <span className="visually-hidden">
                    {" "}
                    —{" "}
                    {sort === column.sort
                      ? t(order === "asc" ? "sortedAsc" : "sortedDesc")
                      : t("sortBy", { column: t(column.key) })}
                  </span>
                </Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.name}</th>
              <td>{row.groupName ?? t("noGroup")}</td>
              <td className="number">{row.enrolled}</td>
              <td className="number">{row.active}</td>
              <td className="number">{row.completions}</td>
              <td className="number">{row.certificates}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
