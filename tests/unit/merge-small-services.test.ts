import { describe, expect, it } from "vitest";
import {
  type ServiceCounts,
  mergeSmallServices,
  splitDuration,
  sumCounts,
  timeToFirstReport,
} from "@/lib/phishing/merge-small-services";
import { percentCell } from "@/lib/phishing/exercise-results-csv";

const T0 = Date.parse("2026-11-02T08:00:00Z");

function service(name: string | null, sent: number, extra: Partial<ServiceCounts> = {}): ServiceCounts {
  return {
    teamId: name === null ? null : `id-${name}`,
    teamName: name,
    sent,
    delivered: sent,
    automaticOpens: 0,
    clicks: 0,
    reports: 0,
    moduleCompleted: 0,
    clickedThenModule: 0,
    firstSentAt: new Date(T0),
    firstReportedAt: null,
    ...extra,
  };
}

const shape = (services: ServiceCounts[]) => {
  const { rows, total } = mergeSmallServices(services);

  return {
    rows: rows.map((row) => [row.group.kind === "service" ? row.group.name : row.group.kind, row.sent]),
    total: total.sent,
  };
};

describe("mergeSmallServices", () => {
  it("shows every service of five people or more on its own row, by name, those without a service last", () => {
    expect(shape([service("Urgences", 12), service(null, 5), service("Accueil", 5)])).toEqual({
      rows: [
        ["Accueil", 5],
        ["Urgences", 12],
        ["noService", 5],
      ],
      total: 22,
    });
  });

  it("merges the services under five into one row when together they are five or more", () => {
    const { rows } = mergeSmallServices([
      service("Urgences", 9),
      service("Direction", 4, { clicks: 1, firstReportedAt: new Date(T0 + 90 * 60_000) }),
      service("Standard", 1, { clicks: 1, firstSentAt: new Date(T0 - 60 * 60_000) }),
    ]);

    expect(rows.map((row) => row.group)).toEqual([
      { kind: "service", teamId: "id-Urgences", name: "Urgences" },
      { kind: "merged", services: 2 },
    ]);
    expect(rows[1]).toMatchObject({ sent: 5, clicks: 2 });
    // Earliest message and earliest report of the group: 2 h 30 min.
    expect(timeToFirstReport(rows[1]!)).toBe(150 * 60_000);
  });

  it("keeps a merged group under five out of the rows, with the smallest service, so that total minus rows gives nothing", () => {
    expect(shape([service("Urgences", 20), service("Radiologie", 6), service("Direction", 1)])).toEqual({
      rows: [
        ["Urgences", 20],
        ["mergedWithLarger", 7],
      ],
      total: 27,
    });
    // With one service left to join it, the group is the total: only the total is shown.
    expect(shape([service("Urgences", 20), service("Direction", 2)])).toEqual({ rows: [], total: 22 });
  });

  it("shows only the total when every service is small, together under five or not", () => {
    expect(shape([service("Direction", 2), service("Standard", 2)])).toEqual({ rows: [], total: 4 });
    // Five or more together: the merged row would be the total itself.
    expect(shape([service("Direction", 3), service("Standard", 3)])).toEqual({ rows: [], total: 6 });
    expect(shape([])).toEqual({ rows: [], total: 0 });
  });

  it("honours another threshold", () => {
    expect(mergeSmallServices([service("A", 3), service("B", 2), service("C", 2)], 2).rows).toHaveLength(3);
  });
});

describe("the figures of a row", () => {
  it("sums counts and keeps the earliest instants, a missing one aside", () => {
    const sum = sumCounts([
      service("A", 2, { firstReportedAt: null, firstSentAt: new Date(T0 + 1_000) }),
      service("B", 3, { firstReportedAt: new Date(T0 + 5_000), firstSentAt: new Date(T0) }),
    ]);

    expect(sum).toMatchObject({ sent: 5, firstSentAt: new Date(T0), firstReportedAt: new Date(T0 + 5_000) });
    expect(timeToFirstReport(service("A", 1))).toBeNull();
  });

  it("writes a rate with one decimal and a decimal comma, nothing without a denominator", () => {
    expect(percentCell(1, 3)).toBe("33,3");
    expect(percentCell(0, 4)).toBe("0,0");
    expect(percentCell(2, 0)).toBe("");
  });

  it("splits a delay into days, hours and minutes, to the minute", () => {
    expect(splitDuration(45 * 60_000)).toEqual({ days: 0, hours: 0, minutes: 45 });
    expect(splitDuration((26 * 60 + 5) * 60_000 + 40_000)).toEqual({ days: 1, hours: 2, minutes: 6 });
  });
});
