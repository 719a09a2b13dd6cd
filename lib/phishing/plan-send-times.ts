import { isFrenchPublicHoliday } from "@/lib/calendar/french-public-holidays";

/** Messages leave between 9:00 and 17:00, Paris time, Monday to Friday, public holidays excepted. */
export const WORKDAY_START_MINUTES = 9 * 60;
export const WORKDAY_END_MINUTES = 17 * 60;

const parisOffset = new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Paris", timeZoneName: "longOffset" });
const parisDayFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The instant of `minutes` after midnight on `day` (YYYY-MM-DD), Paris time. */
export function parisInstant(day: string, minutes: number): Date {
  const asIfUtc = new Date(`${day}T00:00:00Z`).getTime() + minutes * 60_000;
  // Paris clocks change at 2:00 or 3:00 at night, never within working hours.
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(
    parisOffset.formatToParts(new Date(asIfUtc)).find((part) => part.type === "timeZoneName")?.value ?? "",
  );
  const offset = match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;

  return new Date(asIfUtc - offset * 60_000);
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function isWorkingDay(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();

  return weekday !== 0 && weekday !== 6 && !isFrenchPublicHoliday(day);
}

/**
 * The first `count` working days (Monday to Friday, French public holidays excepted) from `from`
 * on, `from` included if it is one.
 */
export function workingDays(from: string, count: number): string[] {
  const days: string[] = [];
  for (let day = from; days.length < count; day = addDays(day, 1)) if (isWorkingDay(day)) days.push(day);

  return days;
}

export type PlanSendTimesOptions = {
  count: number;
  windowStartsOn: string;
  workingDays: number;
  /** Nothing is planned before this instant (a window starting today is launched mid-day). */
  notBefore: Date;
  /** A number in [0, 1); Math.random unless a test gives its own. */
  random?: () => number;
};

/**
 * `count` send times spread at random, uniformly, over the working hours of the window's
 * working days (Paris time), none before `notBefore`: so that colleagues do not all get the
 * message at the same minute and warn one another. Sorted, earliest first.
 */
export function planSendTimes(options: PlanSendTimesOptions): Date[] {
  const random = options.random ?? Math.random;
  const slots = workingDays(options.windowStartsOn, options.workingDays).flatMap((day) => {
    const start = Math.max(parisInstant(day, WORKDAY_START_MINUTES).getTime(), options.notBefore.getTime());
    const end = parisInstant(day, WORKDAY_END_MINUTES).getTime();
    return end > start ? [{ start, length: end - start }] : [];
  });
  const total = slots.reduce((sum, slot) => sum + slot.length, 0);
  if (total === 0) return [];

  const times = Array.from({ length: options.count }, () => {
    let offset = Math.floor(random() * total);
    for (const slot of slots) {
      if (offset < slot.length) return new Date(slot.start + offset);
      offset -= slot.length;
    }
    return new Date(slots.at(-1)!.start);
  });

  return times.sort((a, b) => a.getTime() - b.getTime());
}

/** Today in the Europe/Paris calendar, YYYY-MM-DD. */
export function parisToday(at: Date): string {
  return parisDayFormat.format(at);
}
