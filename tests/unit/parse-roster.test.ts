import { describe, expect, it } from "vitest";
import { parseRoster } from "@/lib/enrolment/parse-roster";

const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
const windows1252 = (text: string) =>
  Uint8Array.from([...text].map((c) => ({ é: 0xe9, è: 0xe8, ç: 0xe7, Œ: 0x8c, ë: 0xeb })[c as "é"] ?? c.charCodeAt(0)));

describe("parseRoster", () => {
  it("reads a French Excel export: ';' separated, UTF-8 with BOM", () => {
    const result = parseRoster(withBom("Nom;E-mail;Service\r\nFrançoise Lefèvre-Nguyễn;F.Lefevre@CH.fr;Urgences\r\n"));

    expect(result.fileErrors).toEqual([]);
    expect(result.rows).toEqual([
      { line: 2, name: "Françoise Lefèvre-Nguyễn", email: "f.lefevre@ch.fr", team: "Urgences", errors: [] },
    ]);
  });

  it("reads Windows-1252 (Œ, ’ and € included), and first and last names in two columns", () => {
    const bytes = Uint8Array.from([
      ...utf8("Nom;E-mail\nJos"),
      0xe9,
      ...utf8(" d"),
      0x92,
      ...utf8("Arc "),
      0x8c,
      ...utf8(";j@ch.fr\n"),
    ]);
    expect(parseRoster(bytes).rows[0]?.name).toBe("José d’Arc Œ");

    const result = parseRoster(
      windows1252("Prénom;Nom;Courriel;Équipe\nZoë;Œuvray;zoe@ehpad.fr;Accueil\n".replace("É", "E")),
    );

    expect(result.rows[0]).toMatchObject({ name: "Zoë Œuvray", email: "zoe@ehpad.fr", team: "Accueil", errors: [] });
  });

  it("reports each bad row with its line: e-mail, name, formula, duplicate", () => {
    const result = parseRoster(
      utf8(
        [
          "nom,email",
          "Ana,pas-une-adresse",
          "X,x@ch.fr",
          '"=HYPERLINK(""http://evil"")",h@ch.fr',
          "Bob,bob@ch.fr",
          "Bob bis,BOB@ch.fr",
        ].join("\n"),
      ),
    );

    expect(result.rows.map((row) => [row.line, row.errors.length])).toEqual([
      [2, 1],
      [3, 1],
      [4, 1],
      [5, 0],
      [6, 1],
    ]);
    expect(result.rows[2]!.errors[0]).toContain("formule");
    expect(result.rows[4]!.errors[0]).toBe("Adresse déjà présente ligne 5.");
  });

  it("refuses a name made of invisible characters, or without a letter, with its reason", () => {
    const result = parseRoster(
      utf8("Nom;E-mail\n\u200B\u200D\u200B;a@ch.fr\n1234;b@ch.fr\nZoe\u0308  Œuvray;c@ch.fr\n"),
    );

    expect(result.rows.map((row) => row.errors)).toEqual([
      ["Le nom contient un caractère invisible ou de contrôle : retapez-le sans copier-coller."],
      ["Le nom doit contenir au moins une lettre."],
      [],
    ]);
    expect(result.rows[2]?.name).toBe("Zoë Œuvray");
  });

  it("refuses a file without the expected columns, an empty one, and 10 MB of garbage", () => {
    expect(parseRoster(utf8("prénom;téléphone\nAna;0600000000")).fileErrors[0]).toContain("« Nom », « E-mail »");
    expect(parseRoster(utf8("Nom;E-mail\n")).fileErrors[0]).toContain("aucune personne");
    expect(parseRoster(new Uint8Array(10 * 1024 * 1024).fill(0x41)).fileErrors[0]).toContain("2 Mo");
    expect(parseRoster(Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).fileErrors).toHaveLength(1);
  });
});
