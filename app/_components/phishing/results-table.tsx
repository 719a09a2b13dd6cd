import { getTranslations } from "next-intl/server";
import {
  type ResultCounts,
  type ResultGroup,
  type ResultRow,
  splitDuration,
  timeToFirstReport,
} from "@/lib/phishing/merge-small-services";
import { ReportTable } from "@/app/_components/reports/report-table";
import { Rate } from "./rate";

const COLUMNS = [
  "service",
  "sent",
  "delivered",
  "automatic",
  "clicks",
  "reports",
  "firstReport",
  "module",
  "moduleAfterClick",
] as const;

/** What the rows are groups of, when not services: a centre exercise's rows are establishments. */
export type ResultsTableLabels = {
  caption: string;
  firstColumn: string;
  groups: Record<Exclude<ResultGroup["kind"], "service"> | "total", string>;
};

/**
 * The exercise's rows by service (small ones merged) and its total, rates of the messages
 * delivered; by establishment for a centre exercise, with `labels`.
 */
export async function ResultsTable({
  rows,
  total,
  labels,
}: {
  rows: ResultRow[];
  total: ResultCounts;
  labels?: ResultsTableLabels;
}) {
  const t = await getTranslations("phishingResults");
  const groupLabel = (kind: keyof ResultsTableLabels["groups"]) => labels?.groups[kind] ?? t(`groups.${kind}`);
  const label = (group: ResultGroup) => (group.kind === "service" ? group.name : groupLabel(group.kind));
  const delay = (counts: ResultCounts) => {
    const ms = timeToFirstReport(counts);
    if (ms === null) return t("none");
    const { days, hours, minutes } = splitDuration(ms);
    if (days > 0) return t("delayDays", { days, hours });

    return hours > 0 ? t("delayHours", { hours, minutes }) : t("delayMinutes", { minutes });
  };
  const cells = (counts: ResultCounts) => (
    <>
      <td className="number">{counts.sent}</td>
      <td className="number">
        <Rate count={counts.delivered} total={counts.sent} />
      </td>
      <td className="number">
        <Rate count={counts.automaticOpens} total={counts.delivered} />
      </td>
      <td className="number">
        <Rate count={counts.clicks} total={counts.delivered} />
      </td>
      <td className="number">
        <Rate count={counts.reports} total={counts.delivered} />
      </td>
      <td className="number">{delay(counts)}</td>
      <td className="number">
        <Rate count={counts.moduleCompleted} total={counts.delivered} />
      </td>
      <td className="number">
        <Rate count={counts.clickedThenModule} total={counts.clicks} />
      </td>
    </>
  );

  return (
    <ReportTable
      caption={labels?.caption ?? t("caption")}
      columns={COLUMNS.map((key) => ({
        key,
        heading: key === "service" && labels ? labels.firstColumn : t(`columns.${key}`),
        isNumber: key !== "service",
      }))}
    >
      {rows.map((row) => (
        <tr key={row.group.kind === "service" ? row.group.teamId : row.group.kind}>
          <th scope="row">{label(row.group)}</th>
          {cells(row)}
        </tr>
      ))}
      <tr className="results-total">
        <th scope="row">{groupLabel("total")}</th>
        {cells(total)}
      </tr>
    </ReportTable>
  );
}
