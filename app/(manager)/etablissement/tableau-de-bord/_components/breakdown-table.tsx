import { getFormatter, getTranslations } from "next-intl/server";
import type { Breakdown } from "@/lib/reports/get-dashboard";
import { learnerStatuses } from "@/lib/assignments/assignment-status";
import { TableScroll } from "@/app/_components/reports/table-scroll";

/** Counts by status and the completion rate, one row per subject or team. */
export async function BreakdownTable({
  caption,
  column,
  rows,
}: {
  caption: string;
  column: string;
  rows: Breakdown[];
}) {
  const [t, format] = await Promise.all([getTranslations("managerReports"), getFormatter()]);

  return (
    <TableScroll label={caption}>
      <table className="report-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{column}</th>
            <th scope="col" className="number">
              {t("dashboard.rate")}
            </th>
            {learnerStatuses.map((status) => (
              <th key={status} scope="col" className="number">
                {t(`status.${status}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id ?? "none"}>
              <th scope="row">{row.label || t("dashboard.noTeam")}</th>
              <td className="number">{format.number(row.rate, { style: "percent" })}</td>
              {learnerStatuses.map((status) => (
                <td key={status} className="number">
                  {row.counts[status]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
