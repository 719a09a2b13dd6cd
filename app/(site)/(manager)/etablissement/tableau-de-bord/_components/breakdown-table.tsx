import { getFormatter, getTranslations } from "next-intl/server";
import type { Breakdown } from "@/lib/reports/get-dashboard";
import { learnerStatuses } from "@/lib/assignments/assignment-status";
import { ReportTable } from "@/app/_components/reports/report-table";

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
    <ReportTable
      caption={caption}
      columns={[
        { key: "label", heading: column },
        { key: "rate", heading: t("dashboard.rate"), isNumber: true },
        ...learnerStatuses.map((status) => ({ key: status, heading: t(`status.${status}`), isNumber: true })),
      ]}
    >
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
    </ReportTable>
  );
}
