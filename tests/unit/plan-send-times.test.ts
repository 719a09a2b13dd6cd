import { describe, expect, it } from "vitest";
import { parisInstant, planSendTimes, workingDays } from "@/lib/phishing/plan-send-times";
import { seededRandom } from "../support/seeded-random";

const parisClock = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  weekday: "short",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

describe("planSendTimes", () => {
  it("spreads every message over the window's working days, between 9:00 and 17:00 Paris time", () => {
    // Friday 23 October 2026 to Wednesday 28: the clocks change on Sunday the 25th.
    const times = planSendTimes({
      count: 2_000,
      windowStartsOn: "2026-10-23",
      workingDays: 4,
      notBefore: new Date("2026-10-01T00:00:00Z"),
      random: seededRandom(7),
    });

    expect(times).toHaveLength(2_000);
    const days = new Set(times.map((t) => t.toISOString().slice(0, 10)));
    expect([...days].sort()).toEqual(["2026-10-23", "2026-10-26", "2026-10-27", "2026-10-28"]);
    for (const time of times) {
      const [weekday, clock] = parisClock.format(time).split(" ");
      expect(["ven.", "lun.", "mar.", "mer."]).toContain(weekday);
      expect(clock! >= "09:00" && clock! < "17:00").toBe(true);
    }
    expect(times.every((t, i) => i === 0 || t >= times[i - 1]!)).toBe(true);
  });

  it("plans nothing before the launch, and nothing at all once the window's hours are over", () => {
    const notBefore = parisInstant("2026-11-02", 16 * 60);
    const times = planSendTimes({ count: 50, windowStartsOn: "2026-11-02", workingDays: 1, notBefore });
    const late = planSendTimes({
      count: 5,
      windowStartsOn: "2026-11-02",
      workingDays: 1,
      notBefore: parisInstant("2026-11-02", 18 * 60),
    });

    expect(times.every((t) => t >= notBefore && t < parisInstant("2026-11-02", 17 * 60))).toBe(true);
    expect(late).toEqual([]);
  });
});

describe("workingDays and parisInstant", () => {
  it("skip the weekend and read the clock in Paris, summer and winter", () => {
    expect(workingDays("2026-12-05", 2)).toEqual(["2026-12-07", "2026-12-08"]);
    expect(parisInstant("2026-07-01", 9 * 60).toISOString()).toBe("2026-07-01T07:00:00.000Z");
    expect(parisInstant("2026-12-01", 9 * 60).toISOString()).toBe("2026-12-01T08:00:00.000Z");
  });
});
