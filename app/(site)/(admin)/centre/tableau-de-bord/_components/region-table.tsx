import { getTranslations } from "next-intl/server";
import type { RegionEstablishment } from "@/lib/region/get-region-report";
import type { RegionSort } from "@/lib/region/region-sort";
import { ReportTable, sortableColumns } from "@/app/_components/reports/report-table";

type Props = { rows: RegionEstablishment[]; sort: RegionSort; order: "asc" | "desc" };

const columns: { sort: RegionSort; key: string; isNumber?: boolean }[] = [
  { sort: "name", key: "establishment" },
  { sort: "group", key: "group" },
  { sort: "enrolled", key: "enrolled", isNumber: true },
  { sort: "active", key: "active", isNumber: true },
  { sort: "completions", key: "completions", isNumber: true },
  { sort: "certificates", key: "certificates", isNumber: true },
];

/** One row per establishment; each column header is a link that sorts by it (aria-sort says how). */
export async function RegionTable({ rows, sort, order }: Props) {
  const t = await getTranslations("regionReport");
  const headings = columns.map(({ key, ...column }) => ({ ...column, heading: t(key) }));

  return (
    <ReportTable
      caption={t("byEstablishment")}
      columns={sortableColumns(headings, {
        sort,
        order,
        href: (column, next) => `?tri=${column}&ordre=${next}`,
        sortedAsc: t("sortedAsc"),
        sortedDesc: t("sortedDesc"),
        sortBy: (column) => t("sortBy", { column }),
      })}
    >
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
    </ReportTable>
  );
}
