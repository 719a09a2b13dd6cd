import iconv from "iconv-lite";
import Papa from "papaparse";
import { z } from "zod";
import type { Locale } from "@/lib/i18n/locales";
import { validationMessages } from "@/lib/i18n/validation-messages";
import { checkPersonName, personNameMessages } from "@/lib/people/person-name";

export const MAX_ROSTER_BYTES = 2 * 1024 * 1024;
export const MAX_ROSTER_ROWS = 10_000;

export type RosterRow = { line: number; name: string; email: string; team: string | null; errors: string[] };
export type ParsedRoster = { rows: RosterRow[]; fileErrors: string[] };

const email = z.string().email();
// A cell a spreadsheet would run as a formula (=HYPERLINK(…), +, -, @, tab, carriage return).
const FORMULA = /^[=+\-@\t\r]/;

/** Lower case, no accents, no spaces: "E-mail" and "Courriel " both become "email"/"courriel". */
function key(header: string): string {
  return header
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
}

const COLUMNS = {
  name: ["nom", "name", "nomcomplet", "nometprenom", "prenometnom"],
  firstName: ["prenom", "firstname"],
  email: ["email", "mail", "courriel", "adresseemail", "adressemail", "adressecourriel"],
  team: ["service", "team", "equipe", "unite", "serviceunite"],
};

/** Text from bytes as French Excel writes them: UTF-8 with or without BOM, else Windows-1252. */
export function decodeRoster(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder("utf-8").decode(bytes.subarray(3));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Node's TextDecoder reads 0x80–0x9F (Œ, €, ’) as control characters; iconv-lite does not.
    return iconv.decode(Buffer.from(bytes), "windows-1252");
  }
}

/**
 * Reads a staff list (name, e-mail, service; ";" or "," separated) and checks every row:
 * e-mail, name, formula-like cells, duplicates within the file. Unknown services are checked
 * against the establishment by the caller. Never throws: problems are in the result, in `locale`
 * (French when absent).
 */
export function parseRoster(bytes: Uint8Array, locale?: Locale): ParsedRoster {
  const t = validationMessages(locale);
  if (bytes.byteLength > MAX_ROSTER_BYTES) return { rows: [], fileErrors: [t("roster.fileTooLarge")] };
  const parsed = Papa.parse<string[]>(decodeRoster(bytes), {
    delimitersToGuess: [";", ",", "\t"],
    skipEmptyLines: "greedy",
  });
  const [header, ...lines] = parsed.data;
  const columns = (header ?? []).map(key);
  const find = (names: string[]) => columns.findIndex((column) => names.includes(column));
  const at = {
    name: find(COLUMNS.name),
    firstName: find(COLUMNS.firstName),
    email: find(COLUMNS.email),
    team: find(COLUMNS.team),
  };
  if (at.name < 0 || at.email < 0) {
    return { rows: [], fileErrors: [t("roster.columnsMissing")] };
  }
  if (lines.length === 0) return { rows: [], fileErrors: [t("roster.noPeople")] };
  if (lines.length > MAX_ROSTER_ROWS)
    return { rows: [], fileErrors: [t("roster.tooManyRows", { max: MAX_ROSTER_ROWS })] };
  const nameMessages = personNameMessages(locale);

  const seen = new Map<string, number>();
  const rows = lines.map((cells, index) => {
    const line = index + 2;
    const cell = (i: number) => (i >= 0 ? (cells[i] ?? "").trim() : "");
    const typedName = [cell(at.firstName), cell(at.name)].filter(Boolean).join(" ");
    const checkedName = checkPersonName(typedName);
    const name = checkedName.ok ? checkedName.name : typedName;
    const address = cell(at.email).toLowerCase();
    const team = cell(at.team) || null;
    const errors: string[] = [];
    if (!checkedName.ok)
      errors.push(
        checkedName.problem === "too_short" && !typedName ? t("roster.nameMissing") : nameMessages[checkedName.problem],
      );
    if ([name, address, team ?? ""].some((value) => FORMULA.test(value))) errors.push(t("roster.formula"));
    if (!email.safeParse(address).success || address.length > 320)
      errors.push(address ? t("roster.emailInvalid", { address }) : t("roster.emailMissing"));
    const first = seen.get(address);
    if (address && first !== undefined) errors.push(t("roster.emailRepeated", { line: first }));
    else if (address) seen.set(address, line);

    return { line, name, email: address, team, errors };
  });

  return { rows, fileErrors: [] };
}
