/**
 * A time `secondsIn` seconds into the current quarter of an hour. Rate-limit windows are swept by
 * whoever passes once they are a day old by that caller's clock, so a test that pins `now` to a
 * past date can see its window vanish under it; pinning to the present keeps windows aligned
 * (15 min is a multiple of every window the tests use) without that race.
 */
export function inCurrentQuarterHour(secondsIn: number): Date {
  return new Date(Math.floor(Date.now() / 900_000) * 900_000 + secondsIn * 1000);
}

/**
 * Waits for the next minute when fewer than `needSeconds` are left in this one, so that a burst
 * of requests falls in one fixed one-minute rate-limit window instead of straddling two.
 */
export async function waitForRoomInMinute(needSeconds = 20): Promise<void> {
  const left = 60 - new Date().getSeconds();
  if (left < needSeconds) await new Promise((resolve) => setTimeout(resolve, (left + 1) * 1000));
}
