import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/load-actor";
import { requireAdminCentres } from "@/lib/organisations/admin-scope";
import { rowsOf } from "@/lib/reports/learner-status-sql";
import { regionCte } from "./region-scope";

export type RegionEstablishment = {
  id: string;
  name: string;
  groupName: string | null;
  finess: string | null;
  /** Learners with an active account. */
  enrolled: number;
  /** People with any module activity here in the 12 months (accounts since deactivated included). */
  active: number;
  /** Module completions here in the 12 months (first completions and renewals, every account). */
  completions: number;
  /** Certificates issued in the 12 months, revoked ones left out. */
  certificates: number;
};

export type RegionMonth = { month: string; completions: number; certificates: number };

export type RegionReport = {
  establishments: RegionEstablishment[];
  /** The 12 months, oldest first (YYYY-MM, Europe/Paris), region-wide. */
  months: RegionMonth[];
  /** Per establishment and month, only where something happened. */
  cells: (RegionMonth & { establishmentId: string })[];
  totals: Omit<RegionEstablishment, "id" | "name" | "groupName" | "finess"> & { establishments: number };
};

/** The 12 calendar months (Europe/Paris) ending with the one `asOf` is in, oldest first. */
export function regionMonths(asOf: Date): string[] {
  const [year, month] = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit" }).format(asOf).split("-").map(Number) as [number, number];

  return Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(year, month - 12 + i, 1)).toISOString().slice(0, 7));
}

/**
 * Region-wide figures for a platform admin: every establishment under their centres (directly
 * or in a group) with its enrolled and active learners, module completions and certificates
 * over the 12 months to `asOf`, and the same per month. A module taken again counts once more
 * in the month of its latest completion. Anyone else gets not_found. Small GROUP BY statements,
 * run side by side.
 */
export async function getRegionReport(db: Db, options: { actor: Actor; asOf: Date }): Promise<RegionReport> {
  const region = regionCte(requireAdminCentres(options.actor));
  const months = regionMonths(options.asOf);
  const since = sql`(${`${months[0]}-01`}::date::timestamp at time zone 'Europe/Paris')`;
  const until = sql`${options.asOf.toISOString()}::timestamptz`;

  const inRange = (column: string) => sql`${sql.raw(column)} >= ${since} and ${sql.raw(column)} <= ${until}`;
  const parisMonth = (column: string) => sql.raw(`date_trunc('month', ${column}, 'Europe/Paris')`);
  // Months are grouped as instants (cheap), then written YYYY-MM once per group.
  const monthText = sql.raw(`to_char(month at time zone 'Europe/Paris', 'YYYY-MM')`);

  const [organisations, learners, active, progress, certificates] = await Promise.all([
    db.execute(sql`with ${region} select id, name, finess, group_name from region order by name, id`),
    db.execute(sql`with ${region} select m.organisation_id, count(*)::int as enrolled from memberships m join users u on u.id = m.user_id
      where m.organisation_id in (select id from region) and m.role = 'learner' and u.is_active group by 1`),
    db.execute(sql`with ${region} select organisation_id, count(*)::int as n from (
        select distinct organisation_id, user_id from module_progress where organisation_id in (select id from region) and ${inRange("last_activity_at")}
      ) people group by 1`),
    // Completions: the first in its month, and the latest (a renewal) in its month when later, in
    // one pass. Both come before last_activity_at, so the bound on it loses nothing.
    db.execute(sql`with ${region} select organisation_id, ${monthText} as month, n from (
        select p.organisation_id, v.month, count(*)::int as n
        from module_progress p cross join lateral (values
          (case when ${inRange("p.completed_at")} then ${parisMonth("p.completed_at")} end),
          (case when p.last_completed_at > p.completed_at and ${inRange("p.last_completed_at")} then ${parisMonth("p.last_completed_at")} end)
        ) as v(month)
        where p.organisation_id in (select id from region) and p.last_activity_at >= ${since} and v.month is not null
        group by 1, 2
      ) done`),
    db.execute(sql`with ${region} select organisation_id, ${monthText} as month, n from (
        select organisation_id, ${parisMonth("issued_at")} as month, count(*)::int as n from certificates
        where organisation_id in (select id from region) and revoked_at is null and ${inRange("issued_at")} group by 1, 2
      ) issued`),
  ]);

  return assemble(months, {
    organisations: rowsOf<{ id: string; name: string; finess: string | null; group_name: string | null }>(organisations),
    learners: rowsOf<{ organisation_id: string; enrolled: number }>(learners),
    active: rowsOf<{ organisation_id: string; n: number }>(active),
    progress: rowsOf<{ organisation_id: string; month: string; n: number }>(progress),
    certificates: rowsOf<{ organisation_id: string; month: string; n: number }>(certificates),
  });
}

type Raw = {
  organisations: { id: string; name: string; finess: string | null; group_name: string | null }[];
  learners: { organisation_id: string; enrolled: number }[];
  active: { organisation_id: string; n: number }[];
  progress: { organisation_id: string; month: string; n: number }[];
  certificates: { organisation_id: string; month: string; n: number }[];
};

function assemble(months: string[], raw: Raw): RegionReport {
  const enrolled = new Map(raw.learners.map((row) => [row.organisation_id, row.enrolled]));
  const active = new Map(raw.active.map((row) => [row.organisation_id, row.n]));
  const cells = new Map<string, RegionMonth & { establishmentId: string }>();
  const cell = (establishmentId: string, month: string) => {
    const key = `${establishmentId}:${month}`;
    const found = cells.get(key) ?? { establishmentId, month, completions: 0, certificates: 0 };
    cells.set(key, found);
    return found;
  };
  for (const row of raw.progress) cell(row.organisation_id, row.month).completions += row.n;
  for (const row of raw.certificates) cell(row.organisation_id, row.month).certificates += row.n;
  const list = [...cells.values()];
  const sum = (rows: RegionMonth[], key: "completions" | "certificates") => rows.reduce((total, row) => total + row[key], 0);
  const establishments = raw.organisations.map((o) => {
    const own = list.filter((c) => c.establishmentId === o.id);
    return { id: o.id, name: o.name, groupName: o.group_name, finess: o.finess, enrolled: enrolled.get(o.id) ?? 0, active: active.get(o.id) ?? 0, completions: sum(own, "completions"), certificates: sum(own, "certificates") };
  });
  const byMonth = months.map((month) => {
    const inMonth = list.filter((c) => c.month === month);
    return { month, completions: sum(inMonth, "completions"), certificates: sum(inMonth, "certificates") };
  });
  const total = (key: "enrolled" | "active" | "completions" | "certificates") => establishments.reduce((n, e) => n + e[key], 0);

  return {
    establishments,
    months: byMonth,
    cells: list.sort((a, b) => a.establishmentId.localeCompare(b.establishmentId) || a.month.localeCompare(b.month)),
    totals: { establishments: establishments.length, enrolled: total("enrolled"), active: total("active"), completions: total("completions"), certificates: total("certificates") },
  };
}
