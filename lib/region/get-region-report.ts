import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/load-actor";
import { requireAdminCentres } from "@/lib/access/roles";
import { type RawRow, int, selectRows, text, textOrNull } from "@/lib/read-model/sql-rows";
import { regionCte } from "./region-scope";
import { parisMonths } from "@/lib/calendar/paris-months";

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
  /** Certificates issued in the 12 months, revoked and replaced ones left out (a re-issue keeps the issue date). */
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

/**
 * Region-wide figures for a platform admin: every establishment under their centres (directly
 * or in a group) with its enrolled and active learners, module completions and certificates
 * over the 12 months to `asOf`, and the same per month. A module taken again counts once more
 * in the month of its latest completion. Anyone else gets not_found. Small GROUP BY statements,
 * run side by side: the learners from the memberships' progress summary, the completions and
 * certificates from ranges of indexes on (establishment, date).
 */
export async function getRegionReport(db: Db, options: { actor: Actor; asOf: Date }): Promise<RegionReport> {
  const region = regionCte(requireAdminCentres(options.actor));
  const months = parisMonths(options.asOf);
  const since = sql`(${`${months[0]}-01`}::date::timestamp at time zone 'Europe/Paris')`;
  const until = sql`${options.asOf.toISOString()}::timestamptz`;

  const inRange = (column: string) => sql`${sql.raw(column)} >= ${since} and ${sql.raw(column)} <= ${until}`;
  // The month of an instant in the range, 1 to 12: a binary search among the months' first
  // instants (Paris), folded into constants when planned, rather than a time zone conversion per row.
  const starts = sql.join(
    months.map((month) => sql`(${`${month}-01`}::date::timestamp at time zone 'Europe/Paris')`),
    sql`, `,
  );
  const monthOf = (column: string) => sql`width_bucket(${sql.raw(column)}, array[${starts}]::timestamptz[])`;
  // Month numbers (1–12) as YYYY-MM.
  const monthCount = (row: RawRow) => ({
    organisation_id: text(row, "organisation_id"),
    month: months[int(row, "month") - 1]!,
    n: int(row, "n"),
  });

  const [organisations, members, progress, certificates] = await Promise.all([
    selectRows(db, sql`with ${region} select id, name, finess, group_name from region order by name, id`, (row) => ({
      id: text(row, "id"),
      name: text(row, "name"),
      finess: textOrNull(row, "finess"),
      group_name: textOrNull(row, "group_name"),
    })),
    // Enrolled and active from the memberships alone (their progress summary, db/read-model/3-membership-progress.sql):
    // active when some module's last activity here is in the range, read from the array only when
    // the membership's latest activity is past the end of the range (a report as of a past day).
    selectRows(
      db,
      sql`with ${region} select m.organisation_id,
        count(*) filter (where m.role = 'learner' and m.user_id not in (select inactive.id from users inactive where not inactive.is_active))::int as enrolled,
        count(*) filter (where m.last_activity_at >= ${since}
          and (m.last_activity_at <= ${until} or exists (select 1 from unnest(m.module_activity) a where a >= ${since} and a <= ${until})))::int as active
      from memberships m where m.organisation_id in (select id from region) group by 1`,
      (row) => ({
        organisation_id: text(row, "organisation_id"),
        enrolled: int(row, "enrolled"),
        active: int(row, "active"),
      }),
    ),
    // Completions: the first in its month, and the latest (a renewal) in its month when later,
    // each a range of a partial index on (organisation_id, completed_at / last_completed_at).
    selectRows(
      db,
      sql`with ${region} select p.organisation_id, ${monthOf("p.completed_at")} as month, count(*)::int as n
        from module_progress p where p.organisation_id in (select id from region) and ${inRange("p.completed_at")}
        group by 1, 2
      union all
      select p.organisation_id, ${monthOf("p.last_completed_at")} as month, count(*)::int as n
        from module_progress p where p.organisation_id in (select id from region) and p.last_completed_at > p.completed_at and ${inRange("p.last_completed_at")}
        group by 1, 2`,
      monthCount,
    ),
    selectRows(
      db,
      sql`with ${region} select organisation_id, ${monthOf("issued_at")} as month, count(*)::int as n from certificates
        where organisation_id in (select id from region) and revoked_at is null and replaced_at is null and ${inRange("issued_at")} group by 1, 2`,
      monthCount,
    ),
  ]);

  return assemble(months, { organisations, members, progress, certificates });
}

type Raw = {
  organisations: { id: string; name: string; finess: string | null; group_name: string | null }[];
  members: { organisation_id: string; enrolled: number; active: number }[];
  progress: { organisation_id: string; month: string; n: number }[];
  certificates: { organisation_id: string; month: string; n: number }[];
};

function assemble(months: string[], raw: Raw): RegionReport {
  const members = new Map(raw.members.map((row) => [row.organisation_id, row]));
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
  const sum = (rows: RegionMonth[], key: "completions" | "certificates") =>
    rows.reduce((total, row) => total + row[key], 0);
  const establishments = raw.organisations.map((o) => {
    const own = list.filter((c) => c.establishmentId === o.id);
    return {
      id: o.id,
      name: o.name,
      groupName: o.group_name,
      finess: o.finess,
      enrolled: members.get(o.id)?.enrolled ?? 0,
      active: members.get(o.id)?.active ?? 0,
      completions: sum(own, "completions"),
      certificates: sum(own, "certificates"),
    };
  });
  const byMonth = months.map((month) => {
    const inMonth = list.filter((c) => c.month === month);
    return { month, completions: sum(inMonth, "completions"), certificates: sum(inMonth, "certificates") };
  });
  const total = (key: "enrolled" | "active" | "completions" | "certificates") =>
    establishments.reduce((n, e) => n + e[key], 0);

  return {
    establishments,
    months: byMonth,
    cells: list.sort((a, b) => a.establishmentId.localeCompare(b.establishmentId) || a.month.localeCompare(b.month)),
    totals: {
      establishments: establishments.length,
      enrolled: total("enrolled"),
      active: total("active"),
      completions: total("completions"),
      certificates: total("certificates"),
    },
  };
}
