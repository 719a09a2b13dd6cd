import { ReportTable } from "./report-table";
import { TrendChart } from "./trend-chart";

export type TrendPoint = { label: string; value: number };
export type TrendFacts = { first: string; last: string; total: number; best: string; bestCount: number };

type Props = {
  id: string;
  /** The chart's title and, from its facts, its description for screen readers. */
  title: string;
  describe: (facts: TrendFacts) => string;
  points: TrendPoint[];
  /** The table's caption, its month column and its figures' columns (the charted one first). */
  caption: string;
  monthHeading: string;
  columns: { heading: string; values: number[] }[];
};

/** A month-by-month figure: the chart drawn on the server, then the same figures as a table. */
export function MonthlyTrend({ id, title, describe, points, caption, monthHeading, columns }: Props) {
  const best = points.reduce((a, b) => (b.value > a.value ? b : a), points[0]!);
  const facts = {
    first: points[0]!.label,
    last: points.at(-1)!.label,
    total: points.reduce((s, p) => s + p.value, 0),
    best: best.label,
    bestCount: best.value,
  };

  return (
    <>
      <TrendChart id={id} points={points} title={title} description={describe(facts)} />
      <ReportTable
        caption={caption}
        columns={[
          { key: "month", heading: monthHeading },
          ...columns.map((column) => ({ key: column.heading, heading: column.heading, isNumber: true })),
        ]}
      >
        {points.map((point, index) => (
          <tr key={point.label}>
            <th scope="row">{point.label}</th>
            {columns.map((column) => (
              <td key={column.heading} className="number">
                {column.values[index]}
              </td>
            ))}
          </tr>
        ))}
      </ReportTable>
    </>
  );
}
