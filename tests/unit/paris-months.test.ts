import { describe, expect, it } from "vitest";
import { nextMonth, parisMonthStart, parisMonths } from "@/lib/calendar/paris-months";

describe("Paris months", () => {
  it("end with the month the instant is in, in Paris", () => {
    expect(parisMonths(new Date("2026-11-30T22:59:59Z")).at(-1)).toBe("2026-11");
    expect(parisMonths(new Date("2026-11-30T23:00:00Z"))).toEqual([
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
      "2026-07",
      "2026-08",
      "2026-09",
      "2026-10",
      "2026-11",
      "2026-12",
    ]);
    expect(parisMonths(new Date("2026-12-31T23:30:00Z"), 2)).toEqual(["2026-12", "2027-01"]);
  });

  it("begin at midnight Paris time, in winter (+01:00) and in summer (+02:00)", () => {
    expect(parisMonthStart("2026-12").toISOString()).toBe("2026-11-30T23:00:00.000Z");
    expect(parisMonthStart("2026-07").toISOString()).toBe("2026-06-30T22:00:00.000Z");
    // The clocks change on the last Sunday of March and of October, never on a first.
    expect(parisMonthStart("2026-04").toISOString()).toBe("2026-03-31T22:00:00.000Z");
    expect(parisMonthStart("2026-11").toISOString()).toBe("2026-10-31T23:00:00.000Z");
  });

  it("follow each other across a year's end", () => {
    expect(nextMonth("2026-12")).toBe("2027-01");
    expect(nextMonth("2027-01")).toBe("2027-02");
  });
});
