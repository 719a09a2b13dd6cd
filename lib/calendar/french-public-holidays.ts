/** The fixed public holidays of France (code du travail, art. L3133-1), as MM-DD. */
const FIXED_HOLIDAYS = ["01-01", "05-01", "05-08", "07-14", "08-15", "11-01", "11-11", "12-25"] as const;

/** Days after Easter Sunday of the holidays that move with it: Easter Monday, Ascension, Whit Monday. */
const EASTER_OFFSETS = [1, 39, 50] as const;

/** Easter Sunday of a Gregorian year, YYYY-MM-DD (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;

  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const cache = new Map<number, ReadonlySet<string>>();

/**
 * The eleven national public holidays of a year, YYYY-MM-DD. Alsace-Moselle's two extra days
 * (Good Friday, 26 December) are not among them: an establishment there loses nothing but a
 * few messages sent on a quieter day.
 */
export function frenchPublicHolidays(year: number): ReadonlySet<string> {
  let holidays = cache.get(year);
  if (!holidays) {
    const easter = Date.parse(`${easterSunday(year)}T00:00:00Z`);
    holidays = new Set([
      ...FIXED_HOLIDAYS.map((day) => `${year}-${day}`),
      ...EASTER_OFFSETS.map((offset) => new Date(easter + offset * 86_400_000).toISOString().slice(0, 10)),
    ]);
    cache.set(year, holidays);
  }

  return holidays;
}

/** Whether a day (YYYY-MM-DD) is a French national public holiday. */
export function isFrenchPublicHoliday(day: string): boolean {
  return frenchPublicHolidays(Number(day.slice(0, 4))).has(day);
}
