/** Under this many people sent the message, a service's results are never shown on their own. */
export const MIN_SERVICE_SIZE = 5;

/** What an exercise's results count, for one service, a group of services or the whole exercise. */
export type ResultCounts = {
  /** Messages sent: the people whose results exist (the merge rule counts them). */
  sent: number;
  delivered: number;
  /** Delivered messages whose link was opened, but never clicked: mail scanners, previews. */
  automaticOpens: number;
  /** Human clicks (a person pressed the landing page's button). */
  clicks: number;
  reports: number;
  /** People with a delivered message who completed the phishing module after it was sent. */
  moduleCompleted: number;
  /** People who clicked and completed the phishing module after their click. */
  clickedThenModule: number;
  firstSentAt: Date | null;
  firstReportedAt: Date | null;
};

/** One service's counts as the database gives them; `teamId` null: no service (or one deleted since). */
export type ServiceCounts = ResultCounts & { teamId: string | null; teamName: string | null };

export type ResultGroup =
  | { kind: "service"; teamId: string; name: string }
  | { kind: "noService" }
  /** Services of fewer than MIN_SERVICE_SIZE people, together. */
  | { kind: "merged"; services: number }
  /** The same, with the smallest larger service added so that nothing can be read off the total. */
  | { kind: "mergedWithLarger"; services: number };

export type ResultRow = ResultCounts & { group: ResultGroup };

export type MergedResults = { rows: ResultRow[]; total: ResultCounts };

const ZERO: ResultCounts = {
  sent: 0,
  delivered: 0,
  automaticOpens: 0,
  clicks: 0,
  reports: 0,
  moduleCompleted: 0,
  clickedThenModule: 0,
  firstSentAt: null,
  firstReportedAt: null,
};

function earliest(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;

  return a.getTime() <= b.getTime() ? a : b;
}

/** The counts of several services together: sums, and the earliest instants. */
export function sumCounts(parts: readonly ResultCounts[]): ResultCounts {
  return parts.reduce<ResultCounts>(
    (sum, part) => ({
      sent: sum.sent + part.sent,
      delivered: sum.delivered + part.delivered,
      automaticOpens: sum.automaticOpens + part.automaticOpens,
      clicks: sum.clicks + part.clicks,
      reports: sum.reports + part.reports,
      moduleCompleted: sum.moduleCompleted + part.moduleCompleted,
      clickedThenModule: sum.clickedThenModule + part.clickedThenModule,
      firstSentAt: earliest(sum.firstSentAt, part.firstSentAt),
      firstReportedAt: earliest(sum.firstReportedAt, part.firstReportedAt),
    }),
    ZERO,
  );
}

/** Milliseconds from the first message sent to the first report, or null without a report. */
export function timeToFirstReport(counts: ResultCounts): number | null {
  if (!counts.firstSentAt || !counts.firstReportedAt) return null;

  return Math.max(0, counts.firstReportedAt.getTime() - counts.firstSentAt.getTime());
}

/** Days, hours and minutes of a delay in milliseconds, rounded to the minute. */
export function splitDuration(ms: number): { days: number; hours: number; minutes: number } {
  const total = Math.round(ms / 60_000);

  return { days: Math.floor(total / 1_440), hours: Math.floor((total % 1_440) / 60), minutes: total % 60 };
}

const counts = ({ teamId: _teamId, teamName: _teamName, ...rest }: ServiceCounts): ResultCounts => rest;

/**
 * The rows a manager sees, so that no person's result can be singled out: services with at least
 * MIN_SERVICE_SIZE people sent the message have their own row (by name; no service last); the
 * smaller ones are merged into one row. When that row itself is under MIN_SERVICE_SIZE, it is not
 * shown; and since the total minus the rows shown would then give it away, the smallest service
 * shown joins it (the merged row then has MIN_SERVICE_SIZE people or more). The total covers
 * everyone, always.
 */
export function mergeSmallServices(services: readonly ServiceCounts[], minimum = MIN_SERVICE_SIZE): MergedResults {
  const total = sumCounts(services.map(counts));
  const byName = (a: ServiceCounts, b: ServiceCounts) =>
    (a.teamId === null ? 1 : 0) - (b.teamId === null ? 1 : 0) ||
    (a.teamName ?? "").localeCompare(b.teamName ?? "", "fr") ||
    (a.teamId ?? "").localeCompare(b.teamId ?? "");
  const large = services.filter((s) => s.sent >= minimum).sort(byName);
  const small = services.filter((s) => s.sent > 0 && s.sent < minimum);
  const merged = sumCounts(small.map(counts));
  let kind: "merged" | "mergedWithLarger" = "merged";
  if (small.length > 0 && merged.sent < minimum && large.length > 0) {
    const smallest = large.reduce((a, b) => (b.sent < a.sent ? b : a));
    large.splice(large.indexOf(smallest), 1);
    small.push(smallest);
    kind = "mergedWithLarger";
  }

  const rows = large.map((s): ResultRow => ({
    ...counts(s),
    group: s.teamId === null ? { kind: "noService" } : { kind: "service", teamId: s.teamId, name: s.teamName ?? "" },
  }));
  // A merged row that is everyone is the total: shown once, as the total.
  if (small.length > 0 && large.length > 0) {
    rows.push({ ...sumCounts(small.map(counts)), group: { kind, services: small.length } });
  }

  return { rows, total };
}
