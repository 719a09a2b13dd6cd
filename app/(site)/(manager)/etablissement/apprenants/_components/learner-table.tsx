import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { type LearnerFilters, type LearnerSort, filtersQuery } from "@/lib/reports/learner-filters";
import type { LearnerRow } from "@/lib/read-model/learner-statuses";
import { ReportTable, sortableColumns } from "@/app/_components/reports/report-table";

type Props = {
  rows: LearnerRow[];
  filters: LearnerFilters;
  caption: string;
  base: Record<string, string>;
  /** The id of the form that the rows' checkboxes belong to (reminders); no checkboxes without it. */
  selectForm?: string;
};

const columns: { sort: LearnerSort; key: string; isNumber?: boolean }[] = [
  { sort: "name", key: "name" },
  { sort: "email", key: "email" },
  { sort: "team", key: "teamColumn" },
  { sort: "status", key: "statusColumn" },
  { sort: "progress", key: "progress", isNumber: true },
  { sort: "activity", key: "activity" },
];

/** The learners of one page; each column header is a link that sorts by it (aria-sort says how). */
export async function LearnerTable({ rows, filters, caption, base, selectForm }: Props) {
  const [t, tr, format, tRemind] = await Promise.all([
    getTranslations("managerReports.learners"),
    getTranslations("managerReports"),
    getFormatter(),
    getTranslations("reminders.remind"),
  ]);
  const sort = filters.tri ?? "name";
  const order = filters.ordre ?? "asc";
  const date = (value: Date | null) =>
    value ? format.dateTime(value, { day: "2-digit", month: "2-digit", year: "numeric" }) : "—";

  const headings = columns.map(({ key, ...column }) => ({ ...column, heading: t(key) }));
  const sortable = sortableColumns(headings, {
    sort,
    order,
    href: (column, next) => `?${filtersQuery({ ...base, ...filters }, { tri: column, ordre: next, page: undefined })}`,
    sortedAsc: t("sortedAsc"),
    sortedDesc: t("sortedDesc"),
    sortBy: (column) => t("sortBy", { column }),
  });
  const select = { key: "select", heading: <span className="visually-hidden">{tRemind("selectColumn")}</span> };

  return (
    <ReportTable
      caption={caption}
      columns={[
        ...(selectForm ? [select] : []),
        ...sortable,
        { key: "completedModules", heading: t("completedModules"), isNumber: true },
        { key: "time", heading: t("time"), isNumber: true },
      ]}
    >
      {rows.map((row) => (
        <tr key={row.userId}>
          {selectForm && (
            <td>
              {row.status && row.status !== "done" && row.email && (
                <input
                  type="checkbox"
                  name="userId"
                  value={row.userId}
                  form={selectForm}
                  aria-label={tRemind("select", { name: row.name || row.email })}
                />
              )}
            </td>
          )}
          <th scope="row">
            <Link
              href={`/etablissement/apprenants/${row.userId}${base.etablissement ? `?etablissement=${base.etablissement}` : ""}`}
            >
              {row.name || row.email}
            </Link>
          </th>
          <td>{row.email}</td>
          <td>{row.teamName ?? "—"}</td>
          <td className={row.status === "late" ? "status-late" : undefined}>{tr(`status.${row.status ?? "none"}`)}</td>
          <td className="number">{row.assignedCount > 0 ? `${row.doneCount} / ${row.assignedCount}` : "—"}</td>
          <td>{date(row.lastActivityAt)}</td>
          <td className="number">{row.completedModules}</td>
          <td className="number">{t("minutes", { count: Math.round(row.timeSpentSeconds / 60) })}</td>
        </tr>
      ))}
    </ReportTable>
  );
}
