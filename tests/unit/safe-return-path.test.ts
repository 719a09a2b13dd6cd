import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/forms";

// Security review M2: a tab, CR or LF after the first "/" is dropped by URL parsers, so that
// "/\t/evil.example" becomes "//evil.example", another site. The values arrive decoded from
// the query string (`?retour=/%09/evil.example`), and sometimes still encoded once more.
const refused = [
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r/evil.example",
  "/\t\t/evil.example/connexion",
  "/\u0000/evil.example",
  "/\u007f/evil.example",
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "\\/evil.example",
  "/%09/evil.example",
  "/%0a/evil.example",
  "/%0D/evil.example",
  "/%2F/evil.example",
  "/%2f%2fevil.example",
  "/%5cevil.example",
  "/%5C%5Cevil.example",
  "/%00",
  "https://evil.example/",
  "evil.example",
  "javascript:alert(1)",
  " /modules",
  "",
];

describe("safeReturnPath", () => {
  it.each(refused)("refuses %j and gives the fallback", (value) => {
    expect(safeReturnPath(value)).toBe("/modules");
    expect(safeReturnPath(value, "/")).toBe("/");
  });

  it("keeps a path of this site, its query and its fragment", () => {
    expect(safeReturnPath("/modules")).toBe("/modules");
    expect(safeReturnPath("/etablissement/apprenants?etablissement=4f1c&page=2#liste")).toBe(
      "/etablissement/apprenants?etablissement=4f1c&page=2#liste",
    );
    expect(safeReturnPath("/etablissement/codes-d-acces/ab%20cd/affiche")).toBe(
      "/etablissement/codes-d-acces/ab%20cd/affiche",
    );
    expect(safeReturnPath("/rejoindre/CODE-123?nom=Fran%C3%A7oise")).toBe("/rejoindre/CODE-123?nom=Fran%C3%A7oise");
  });

  it("refuses anything that is not a string", () => {
    expect(safeReturnPath(undefined)).toBe("/modules");
    expect(safeReturnPath(["/modules"])).toBe("/modules");
    expect(safeReturnPath(42)).toBe("/modules");
  });
});
