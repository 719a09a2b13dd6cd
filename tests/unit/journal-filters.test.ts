import { describe, expect, it } from "vitest";
import { journalQuery, parseJournalFilters } from "@/lib/audit/journal-filters";

describe("the journal's URL", () => {
  it("reads the filters the form sends and names each wrong one", () => {
    expect(
      parseJournalFilters({ action: "sign_out", personne: " Karim ", du: "2026-12-01", au: "2026-12-05", avant: "" }),
    ).toEqual({
      filters: { action: "sign_out", person: "Karim", from: "2026-12-01", to: "2026-12-05", before: undefined },
      errors: {},
    });
    expect(parseJournalFilters({ action: "", personne: "", du: "", au: "" })).toEqual({ filters: {}, errors: {} });
    expect(
      parseJournalFilters({
        action: "drop table",
        personne: "x".repeat(101),
        du: "2026-02-30",
        au: ["2026-12-01", "2026-12-02"],
      }).errors,
    ).toEqual({ action: "action", person: "person", from: "date", to: "date" });
    expect(parseJournalFilters({ du: "2026-12-05", au: "2026-12-01" })).toEqual({
      filters: {},
      errors: { to: "range" },
    });
  });

  it("writes the filters back into links that keep them", () => {
    expect(journalQuery({ action: "sign_out", person: "Inès & co", from: "2026-12-01" }, "b4c1")).toBe(
      "action=sign_out&personne=In%C3%A8s+%26+co&du=2026-12-01&avant=b4c1",
    );
    expect(journalQuery({})).toBe("");
  });
});
