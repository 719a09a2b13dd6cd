/**
 * A time `secondsIn` seconds into the current quarter of an hour. Rate-limit windows are swept by
 * whoever passes once they are a day old by that caller's clock, so a test that pins `now` to a
 * past date can see its window vanish under it; pinning to the present keeps windows aligned
 * (15 min is a multiple of every window the tests use) without that race.
 */
export function inCurrentQuarterHour(secondsIn: number): Date {
  return new Date(Math.floor(Date.now() / 900_000) * 900_000 + secondsIn * 1000);
}
