import { stringify } from "csv-stringify/sync";

// Made once: building an Intl.DateTimeFormat costs far more than formatting with it.
const dayFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});

/** dd/mm/yyyy in the Europe/Paris calendar. */
export function csvDate(value: Date | null): string {
  return value ? dayFormat.format(value) : "";
}

/**
 * CSV lines for a spreadsheet opened in French: ";" separator, CRLF, quotes doubled, and a cell
 * starting with = + - @ tab or CR prefixed with ' so that it is never run as a formula
 * (csv-stringify's escape_formulas; OWASP "CSV injection").
 */
export function csvLines(records: string[][]): string {
  return stringify(records, { delimiter: ";", record_delimiter: "\r\n", escape_formulas: true });
}

/** Put before a CSV file's first line: French Excel reads UTF-8 only with it. */
export const CSV_BOM = "\uFEFF";
