import { sql } from "drizzle-orm";
import { type DatabaseKind, getDb } from "@/db/client";
import { env } from "@/lib/env";

export type DatabaseCheck =
  { ok: true; kind: DatabaseKind; latencyMs: number } | { ok: false; kind: DatabaseKind; reason: string };

// Short: a load balancer asks often, and a slow answer is as good as none.
const TIMEOUT_MS = 2_000;

/**
 * Runs `select 1` against the application database, within 2 s. The reason of a failure (the
 * driver's message: host, user, network) is for the server's log, never for the public answer.
 */
export async function checkDatabase(): Promise<DatabaseCheck> {
  const kind: DatabaseKind = env().DATABASE_URL ? "postgresql" : "pglite";
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
    });
    const query = getDb().then(({ db }) => db.execute(sql`select 1`));
    await Promise.race([query, timeout]);

    return { ok: true, kind, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, kind, reason: describe(error) };
  } finally {
    clearTimeout(timer);
  }
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0]);
  // drizzle wraps driver errors ("Failed query: …"); the driver's reason is in `cause`.
  if (error instanceof Error && error.cause) return describe(error.cause);
  if (error instanceof Error) return error.message || ("code" in error ? String(error.code) : error.name);

  return String(error);
}
