import Link from "next/link";
import type { ReactNode } from "react";
import { TableScroll } from "./table-scroll";

export type ReportColumn = {
  key: string;
  heading: ReactNode;
  /** Figures are right-aligned, their header too. */
  isNumber?: boolean;
  sorted?: "ascending" | "descending";
};

/** A report's table: captioned, one header cell per column, scrolling sideways on a phone. */
export function ReportTable({
  caption,
  columns,
  children,
}: {
  caption: string;
  columns: ReportColumn[];
  children: ReactNode;
}) {
  return (
    <TableScroll label={caption}>
      <table className="report-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={column.isNumber ? "number" : undefined}
                aria-sort={column.sorted}
              >
                {column.heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  );
}

type SortableColumn<Sort extends string> = { sort: Sort; heading: string; isNumber?: boolean };

type SortOptions<Sort extends string> = {
  sort: Sort;
  order: "asc" | "desc";
  /** The link that sorts the table by `column` in `order`. */
  href: (column: Sort, order: "asc" | "desc") => string;
  /** What a screen reader hears after the heading: how the table is sorted, or what a click does. */
  sortedAsc: string;
  sortedDesc: string;
  sortBy: (heading: string) => string;
};

/**
 * Columns whose header is a link that sorts by it (ascending, or descending when it already sorts
 * the table ascending); aria-sort says which one sorts the table, and how.
 */
export function sortableColumns<Sort extends string>(
  columns: SortableColumn<Sort>[],
  { sort, order, href, sortedAsc, sortedDesc, sortBy }: SortOptions<Sort>,
): ReportColumn[] {
  return columns.map((column) => {
    const isSorted = sort === column.sort;

    return {
      key: column.sort,
      isNumber: column.isNumber,
      sorted: isSorted ? (order === "asc" ? "ascending" : "descending") : undefined,
      heading: (
        <Link href={href(column.sort, isSorted && order === "asc" ? "desc" : "asc")}>
          {column.heading}
          <span className="visually-hidden">
            {" "}
            — {isSorted ? (order === "asc" ? sortedAsc : sortedDesc) : sortBy(column.heading)}
          </span>
        </Link>
      ),
    };
  });
}
