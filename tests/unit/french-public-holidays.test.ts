import { describe, expect, it } from "vitest";
import { easterSunday, frenchPublicHolidays, isFrenchPublicHoliday } from "@/lib/calendar/french-public-holidays";
import { planSendTimes, workingDays } from "@/lib/phishing/plan-send-times";

describe("frenchPublicHolidays", () => {
  it("finds Easter Sunday of known years", () => {
    expect(["2024", "2025", "2026", "2027", "2028", "2038"].map((y) => easterSunday(Number(y)))).toEqual([
      "2024-03-31",
      "2025-04-20",
      "2026-04-05",
      "2027-03-28",
      "2028-04-16",
      "2038-04-25",
    ]);
  });

  it("lists the eleven holidays of 2026 and of 2027", () => {
    expect([...frenchPublicHolidays(2026)].sort()).toEqual([
      "2026-01-01",
      "2026-04-06", // Easter Monday
      "2026-05-01",
      "2026-05-08",
      "2026-05-14", // Ascension
      "2026-05-25", // Whit Monday
      "2026-07-14",
      "2026-08-15",
      "2026-11-01",
      "2026-11-11",
      "2026-12-25",
    ]);
    expect([...frenchPublicHolidays(2027)].sort()).toEqual([
      "2027-01-01",
      "2027-03-29",
      "2027-05-01",
      "2027-05-06",
      "2027-05-08",
      "2027-05-17",
      "2027-07-14",
      "2027-08-15",
      "2027-11-01",
      "2027-11-11",
      "2027-12-25",
    ]);
    expect(isFrenchPublicHoliday("2026-11-11")).toBe(true);
    expect(isFrenchPublicHoliday("2026-11-12")).toBe(false);
    // Alsace-Moselle's Good Friday and Saint Stephen's day are not national holidays.
    expect(isFrenchPublicHoliday("2026-04-03")).toBe(false);
    expect(isFrenchPublicHoliday("2026-12-26")).toBe(false);
  });
});

describe("an exercise's working days", () => {
  it("skip public holidays as well as weekends", () => {
    // Tuesday 10 November 2026, then Armistice day (Wednesday 11).
    expect(workingDays("2026-11-10", 3)).toEqual(["2026-11-10", "2026-11-12", "2026-11-13"]);
    // Ascension Thursday 2026 and the Friday after it; Whit Monday 2026.
    expect(workingDays("2026-05-13", 4)).toEqual(["2026-05-13", "2026-05-15", "2026-05-18", "2026-05-19"]);
    expect(workingDays("2026-05-22", 2)).toEqual(["2026-05-22", "2026-05-26"]);
    // Christmas 2026 on a Friday, New Year's day 2027 on a Friday.
    expect(workingDays("2026-12-24", 6)).toEqual([
      "2026-12-24",
      "2026-12-28",
      "2026-12-29",
      "2026-12-30",
      "2026-12-31",
      "2027-01-04",
    ]);
    // Easter Monday 2027 (29 March): a window starting on it starts the day after.
    expect(workingDays("2027-03-29", 1)).toEqual(["2027-03-30"]);
  });

  it("sends nothing on a holiday", () => {
    const times = planSendTimes({
      count: 500,
      windowStartsOn: "2027-05-05",
      workingDays: 3,
      notBefore: new Date("2027-01-01T00:00:00Z"),
    });
    const days = new Set(times.map((t) => t.toISOString().slice(0, 10)));

    // Ascension (6 May) and the weekend are skipped: 5, 7 and 10 May.
    expect([...days].sort()).toEqual(["2027-05-05", "2027-05-07", "2027-05-10"]);
  });
});
