import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ExerciseTrendRow } from "@/lib/phishing/list-exercise-trend";
import { ReportTable } from "@/app/_components/reports/report-table";
import { Rate } from "@/app/_components/phishing/rate";

type Props = { rows: ExerciseTrendRow[]; scenarioLabel: (id: string) => string; query: string };

/** One row per launched exercise, oldest first: sent, and the click, report and module rates. */
export async function ExerciseTrend({ rows, scenarioLabel, query }: Props) {
  const [t, format] = await Promise.all([getTranslations("phishingResults"), getFormatter()]);
  if (rows.length === 0) return <p>{t("trendEmpty")}</p>;

  return (
    <>
      <p>{t("trendIntro")}</p>
      <ReportTable
        caption={t("trendCaption")}
        columns={[
          { key: "date", heading: t("trendColumns.date") },
          { key: "scenario", heading: t("trendColumns.scenario") },
          { key: "sent", heading: t("trendColumns.sent"), isNumber: true },
          { key: "clickRate", heading: t("trendColumns.clickRate"), isNumber: true },
          { key: "reportRate", heading: t("trendColumns.reportRate"), isNumber: true },
          { key: "moduleRate", heading: t("trendColumns.moduleRate"), isNumber: true },
        ]}
      >
        {rows.map((row) => (
          <tr key={row.id}>
            <td>{format.dateTime(new Date(`${row.windowStartsOn}T12:00:00Z`), { dateStyle: "short" })}</td>
            <th scope="row">
              <Link href={`/etablissement/exercices/${row.id}${query}`}>{scenarioLabel(row.scenarioId)}</Link>
            </th>
            <td className="number">{row.sent}</td>
            <td className="number">
              <Rate count={row.clicks} total={row.delivered} />
            </td>
            <td className="number">
              <Rate count={row.reports} total={row.delivered} />
            </td>
            <td className="number">
              <Rate count={row.moduleCompleted} total={row.delivered} />
            </td>
          </tr>
        ))}
      </ReportTable>
    </>
  );
}
