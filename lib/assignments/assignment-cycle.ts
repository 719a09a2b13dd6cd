/**
 * When an assignment is due and which completions count, on a given day.
 *
 * Without renewal: due on `dueOn`; any completion counts; late once `dueOn` has passed.
 * With yearly renewal: the current cycle ends on the first anniversary of `dueOn` on or after
 * today (C); a completion counts for this cycle when it happened after C − 12 months. A learner
 * is late when a deadline has already passed (C is not the first one) and they did not complete
 * after C − 24 months either, i.e. they missed the previous cycle as well as having not yet
 * done this one. Days are counted in the Europe/Paris calendar; instants compare in UTC from
 * the start of the day after the boundary.
 */
export type AssignmentCycle = {
  /** The deadline of the current cycle, YYYY-MM-DD. */
  dueOn: string;
  /** Completions at or after this instant count as done; null: any completion counts. */
  doneSince: Date | null;
  /** Not done and a deadline passed: late unless completed at or after this instant (null: late). */
  lateUnlessSince: Date | null;
  isPastDue: boolean;
};

export type CycleInput = { dueOn: string; renewYearly: boolean };

const isoDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Today in the Europe/Paris calendar, YYYY-MM-DD. */
export function parisDay(at: Date): string {
  return isoDay.format(at);
}

export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  // 29 February becomes 28 February in a year without it.
  const date = new Date(Date.UTC(y + years, m - 1, d));
  if (date.getUTCDate() !== d) date.setUTCDate(0);

  return date.toISOString().slice(0, 10);
}

/** The start of the day after `day`, UTC: "completed after this day". */
function afterDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);
}

export function assignmentCycle(assignment: CycleInput, asOf: Date): AssignmentCycle {
  const today = parisDay(asOf);
  if (!assignment.renewYearly) {
    return { dueOn: assignment.dueOn, doneSince: null, lateUnlessSince: null, isPastDue: today > assignment.dueOn };
  }
  let years = 0;
  while (addYears(assignment.dueOn, years) < today) years++;
  const dueOn = addYears(assignment.dueOn, years);

  return {
    dueOn,
    doneSince: afterDay(addYears(dueOn, -1)),
    lateUnlessSince: afterDay(addYears(dueOn, -2)),
    isPastDue: years > 0,
  };
}

/**
 * Which yearly cycle of an assignment due on `dueOn` an instant falls in: 0 up to and including
 * the due date (Europe/Paris), 1 up to its first anniversary, and so on.
 */
export function cycleNumber(dueOn: string, at: Date): number {
  const day = parisDay(at);
  let years = 0;
  while (addYears(dueOn, years) < day) years++;

  return years;
}
