import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { type LearnerFilters, type LearnerSort, filtersQuery } from "@/lib/reports/learner-filters";
import type { LearnerRow } from "@/lib/read-model/learner-statuses";
import { TableScroll } from "@/app/_components/reports/table-scroll";

type Props = {
  rows: LearnerRow[];
  filters: LearnerFilters;
  caption: string;
  base: Record<string, string>;
  /** The id of the form that the rows' checkboxes belong to (reminders); no checkboxes without it. */
  selectForm?: string;
};

const columns: { sort: LearnerSort; key: string; number?: boolean }[] = [
  { sort: "name", key: "name" },
  { sort: "email", key: "email" },
  { sort: "team", key: "teamColumn" },
  { sort: "status", key: "statusColumn" },
  { sort: "progress", key: "progress", number: true },
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
  const href = (column: LearnerSort) =>
    `?${filtersQuery({ ...base, ...filters }, { tri: column, ordre: sort === column && order === "asc" ? "desc" : "asc", page: undefined })}`;
  const date = (value: Date | null) =>
    value ? format.dateTime(value, { day: "2-digit", month: "2-digit", year: "numeric" }) : "—";

  return (
    <TableScroll label={caption}>
      <table className="report-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {selectForm && (
              <th scope="col">
                <span className="visually-hidden">{tRemind("selectColumn")}</span>
              </th>
            )}
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
            <th scope="col" className="number">
              {t("completedModules")}
            </th>
            <th scope="col" className="number">
              {t("time")}
            </th>
          </tr>
        </thead>
        <tbody>
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
              <td className={row.status === "late" ? "status-late" : undefined}>
                {tr(`status.${row.status ?? "none"}`)}
              </td>
              <td className="number">{row.assignedCount > 0 ? `${row.doneCount} / ${row.assignedCount}` : "—"}</td>
              <td>{date(row.lastActivityAt)}</td>
              <td className="number">{row.completedModules}</td>
              <td className="number">{t("minutes", { count: Math.round(row.timeSpentSeconds / 60) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
