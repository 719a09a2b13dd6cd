import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type LearnerStatus, learnerStatuses } from "@/lib/assignments/assignment-status";

/** A row of a raw statement as either driver returns it: column name → value. */
export type RawRow = Record<string, unknown>;

/**
 * Runs a raw statement and turns each row into `T` with `toRow`. The one place that knows both
 * drivers put the rows of `execute` in `.rows`; the readers below fail loudly on a column of the
 * wrong type rather than letting it travel as a cast.
 */
export async function selectRows<T>(
  runner: Pick<Db, "execute">,
  statement: SQL,
  toRow: (row: RawRow) => T,
): Promise<T[]> {
  const result = (await runner.execute(statement)) as unknown as { rows: RawRow[] };

  return result.rows.map(toRow);
}

function wrongType(key: string, expected: string, value: unknown): never {
  throw new TypeError(`column ${key}: expected ${expected}, got ${value === null ? "null" : typeof value}`);
}

export function text(row: RawRow, key: string): string {
  const value = row[key];
  return typeof value === "string" ? value : wrongType(key, "text", value);
}

export function textOrNull(row: RawRow, key: string): string | null {
  return row[key] === null || row[key] === undefined ? null : text(row, key);
}

/** An integer column; bigint and numeric columns come back as strings from pg. */
export function int(row: RawRow, key: string): number {
  const value = row[key];
  const n = typeof value === "number" ? value : typeof value === "string" ? Number(value) : NaN;
  return Number.isFinite(n) ? n : wrongType(key, "a number", value);
}

export function intOrNull(row: RawRow, key: string): number | null {
  return row[key] === null || row[key] === undefined ? null : int(row, key);
}

/** A timestamptz column: a Date from pg, an ISO string from PGlite in some positions (json, unions). */
export function instantOrNull(row: RawRow, key: string): Date | null {
  const value = row[key];
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  return typeof value === "string" ? new Date(value) : wrongType(key, "a timestamp", value);
}

export function statusOrNull(row: RawRow, key: string): LearnerStatus | null {
  const value = textOrNull(row, key);
  if (value === null) return null;
  return (learnerStatuses as readonly string[]).includes(value)
    ? (value as LearnerStatus)
    : wrongType(key, "a learner status", value);
}

/** A json or jsonb column, as the statement built it. */
export function json<T>(row: RawRow, key: string): T {
  return row[key] as T;
}

/** An instant as a query parameter of type timestamptz (null stays null). */
export const ts = (value: Date | null) => sql`${value?.toISOString() ?? null}::timestamptz`;
