import { type SQL, sql } from "drizzle-orm";

/**
 * `region as (…)`: the establishments under the given centres, directly or through a group,
 * with their group's name. Every region query starts from it, so no figure ever counts an
 * organisation outside the admin's centres.
 */
export function regionCte(centreIds: string[]): SQL {
  const centres = sql.join(
    centreIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

  return sql`region as (
    select o.id, o.name, o.finess, g.name as group_name
    from organisations o left join organisations g on g.id = o.parent_id and g.kind = 'group'
    where o.kind = 'establishment' and (o.parent_id in (${centres}) or g.parent_id in (${centres}))
  )`;
}
