/** Rows of db.execute on either driver, for tests that read what a statement left behind. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
