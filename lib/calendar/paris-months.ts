/**
 * Calendar months as people in French establishments read them: Europe/Paris months, the one
 * rule for every figure counted by month (the manager's dashboard, the region view). A completion
 * at 00:30 on 1 December in Paris belongs to December, though it is still 30 November in UTC.
 */
const parisYearMonth = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
});
const parisOffset = new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Paris", timeZoneName: "longOffset" });

/** The `count` months (YYYY-MM, Europe/Paris) ending with the one `asOf` is in, oldest first. */
export function parisMonths(asOf: Date, count = 12): string[] {
  const [year, month] = parisYearMonth.format(asOf).split("-").map(Number) as [number, number];

  return Array.from({ length: count }, (_, i) =>
    new Date(Date.UTC(year, month - count + i, 1)).toISOString().slice(0, 7),
  );
}

/** The instant a month (YYYY-MM) begins in Paris: midnight on its first day, Paris time. */
export function parisMonthStart(month: string): Date {
  const midnightUtc = new Date(`${month}-01T00:00:00Z`);
  // Paris is at +01:00 or +02:00; clocks never change at midnight on the first of a month.
  const offset = /GMT([+-])(\d{2}):(\d{2})/.exec(
    parisOffset.formatToParts(midnightUtc).find((part) => part.type === "timeZoneName")?.value ?? "",
  );
  const minutes = offset ? (offset[1] === "-" ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;

  return new Date(midnightUtc.getTime() - minutes * 60_000);
}

/** The month after a month (YYYY-MM). */
export function nextMonth(month: string): string {
  const [year, number] = month.split("-").map(Number) as [number, number];

  return new Date(Date.UTC(year, number, 1)).toISOString().slice(0, 7);
}
