import { createHash } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { rowsOf } from "./learner-status-sql";

export type FigureRow = Record<string, string | number | null>;

/**
 * The parts of the dashboard's figures kept in dashboard_cache, each with what it is counted from
 * (migration 0009's triggers clear a part when that changes): `learners` from the establishment's
 * memberships, their progress summary and their users' being active; `months` from the
 * completions of its module_progress rows.
 */
export type FigurePart = "learners" | "months";

type CacheRow = { part: FigurePart; generation: number; armed: boolean; cached_generation: number | null; statement_key: string | null; figures: FigureRow[] | null };

/** The establishment's rows of dashboard_cache, read beside the assignments. */
export type DashboardCache = Map<FigurePart, CacheRow>;

const dialect = new PgDialect();

export async function readDashboardCache(db: Db, organisationId: string): Promise<DashboardCache> {
  const rows = rowsOf<CacheRow>(
    await db.execute(sql`select part, generation, armed, cached_generation, statement_key, figures from dashboard_cache where organisation_id = ${organisationId}::uuid`),
  );

  return new Map(rows.map((row) => [row.part, { ...row, generation: Number(row.generation), cached_generation: row.cached_generation === null ? null : Number(row.cached_generation) }]));
}

/** What a part is counted by: SHA-256 of its statement's text and parameters (assignments, cycles, modules; months). */
export function statementKey(statement: SQL): string {
  const query = dialect.sqlToQuery(statement);

  return createHash("sha256").update(query.sql).update("\0").update(JSON.stringify(query.params)).digest("hex");
}

/**
 * The rows of each part's counting statement: those kept in dashboard_cache when they were
 * counted by the same statement and nothing the part is counted from has been written since (the
 * row is still armed for the generation they were counted in); otherwise counted now, and kept.
 * A statement must read only what its part's triggers watch (FigurePart).
 *
 * Counting again: (1) arm the stale parts (a new generation each) under the establishment's
 * advisory lock in exclusive mode, which waits for the writers holding it shared, and commit;
 * (2) count, in snapshots taken after the arming, so that every write is either counted or
 * clears `armed` afterwards; (3) keep each part's rows only if it is still armed for that
 * generation. The rows returned are always those just counted.
 */
export async function countedFigures(db: Db, organisationId: string, statements: Record<FigurePart, SQL>, cache: DashboardCache): Promise<Record<FigurePart, FigureRow[]>> {
  const parts = Object.keys(statements) as FigurePart[];
  const keys = new Map(parts.map((part) => [part, statementKey(statements[part])]));
  const figures = {} as Record<FigurePart, FigureRow[]>;
  const stale: FigurePart[] = [];
  for (const part of parts) {
    const row = cache.get(part);
    if (row?.armed && row.figures && row.cached_generation === row.generation && row.statement_key === keys.get(part)) figures[part] = row.figures;
    else stale.push(part);
  }
  if (stale.length === 0) return figures;

  const armed = rowsOf<{ armed_part: FigurePart; armed_generation: string | number }>(
    await db.execute(sql`select armed_part, armed_generation from dashboard_cache_arm(${organisationId}::uuid, ${JSON.stringify(stale)}::jsonb)`),
  );
  const generations = new Map(armed.map((row) => [row.armed_part, Number(row.armed_generation)]));
  const counted = await Promise.all(stale.map(async (part) => rowsOf<FigureRow>(await db.execute(statements[part]))));
  const kept = stale.map((part, i) => {
    figures[part] = counted[i]!;
    return { part, generation: generations.get(part)!, statement_key: keys.get(part)!, figures: counted[i]! };
  });
  await db.execute(sql`select dashboard_cache_keep(${organisationId}::uuid, ${JSON.stringify(kept)}::jsonb)`);

  return figures;
}
