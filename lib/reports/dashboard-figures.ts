import { createHash } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { rowsOf } from "./learner-status-sql";

export type FigureRow = Record<string, string | number | null>;

/** The establishment's row of dashboard_cache, read beside the assignments (null: never counted). */
export type DashboardCacheRow = { generation: number; armed: boolean; cachedGeneration: number | null; statementKey: string | null; figures: Record<string, FigureRow[]> | null };

/** The advisory lock's first key, 'vigi': migration 0009's dashboard_cache_touch() takes it shared. */
const LOCK_SPACE = 1986618729;
const dialect = new PgDialect();

export async function readDashboardCache(db: Db, organisationId: string): Promise<DashboardCacheRow | null> {
  type Row = { generation: string | number; armed: boolean; cached_generation: string | number | null; statement_key: string | null; figures: Record<string, FigureRow[]> | null };
  const [row] = rowsOf<Row>(await db.execute(sql`select generation, armed, cached_generation, statement_key, figures from dashboard_cache where organisation_id = ${organisationId}::uuid`));
  if (!row) return null;

  return {
    generation: Number(row.generation),
    armed: row.armed,
    cachedGeneration: row.cached_generation === null ? null : Number(row.cached_generation),
    statementKey: row.statement_key,
    figures: row.figures,
  };
}

/** What the figures are counted by: SHA-256 of the statements' names, texts and parameters. */
export function statementsKey(statements: Record<string, SQL>): string {
  const hash = createHash("sha256");
  for (const [name, statement] of Object.entries(statements)) {
    const query = dialect.sqlToQuery(statement);
    hash.update(name).update("\0").update(query.sql).update("\0").update(JSON.stringify(query.params)).update("\0");
  }

  return hash.digest("hex");
}

/**
 * The rows of the establishment's counting statements, by name: those kept in dashboard_cache
 * when they were counted by the same statements and nothing they are counted from has been
 * written since (the row is still armed for the generation they were counted in); otherwise
 * counted now, and kept. The statements must read only what migration 0009's triggers watch:
 * the establishment's memberships (with their progress summary and their users' being active)
 * and its module_progress rows.
 *
 * Counting again: (1) arm the row (a new generation) under the establishment's advisory lock in
 * exclusive mode, which waits for the writers holding it shared and commits at once; (2) count,
 * in snapshots taken after the arming, so that every write is either counted or clears `armed`
 * afterwards; (3) keep the rows only if the row is still armed for that generation. The rows
 * returned are always those just counted.
 */
export async function countedFigures<K extends string>(db: Db, organisationId: string, statements: Record<K, SQL>, cached: DashboardCacheRow | null): Promise<Record<K, FigureRow[]>> {
  const key = statementsKey(statements);
  if (cached?.armed && cached.figures && cached.cachedGeneration === cached.generation && cached.statementKey === key) return cached.figures as Record<K, FigureRow[]>;

  const [armed] = rowsOf<{ generation: string | number }>(
    await db.execute(sql`with arming as (select pg_advisory_xact_lock(${LOCK_SPACE}, hashtext(${organisationId}::uuid::text)))
      insert into dashboard_cache (organisation_id, generation, armed) select ${organisationId}::uuid, 1, true from arming
      on conflict (organisation_id) do update set generation = dashboard_cache.generation + 1, armed = true
      returning generation`),
  );
  const generation = Number(armed!.generation);
  const names = Object.keys(statements) as K[];
  const results = await Promise.all(names.map(async (name) => rowsOf<FigureRow>(await db.execute(statements[name]))));
  const figures = Object.fromEntries(names.map((name, i) => [name, results[i]!])) as Record<K, FigureRow[]>;
  await db.execute(sql`update dashboard_cache set statement_key = ${key}, cached_generation = generation, figures = ${JSON.stringify(figures)}::jsonb
    where organisation_id = ${organisationId}::uuid and generation = ${generation} and armed`);

  return figures;
}
