import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { memberships, organisations } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { requireAdminCentres } from "@/lib/access/roles";

/** Every group and establishment under the admin's centres, with their staff and manager counts. */
export async function listCentreOrganisations(db: Db, actor: Actor) {
  const centres = requireAdminCentres(actor);
  const parent = alias(organisations, "parent");

  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      finess: organisations.finess,
      managersNeedSecondFactor: organisations.managersNeedSecondFactor,
      parentName: parent.name,
      members: sql<number>`(select count(*)::int from ${memberships} m where m.organisation_id = ${organisations.id})`,
      managers: sql<
        string | null
      >`(select string_agg(u.name || ' <' || coalesce(u.email, '') || '>', ', ' order by u.name) from ${memberships} m join users u on u.id = m.user_id where m.organisation_id = ${organisations.id} and m.role = 'manager')`,
    })
    .from(organisations)
    .leftJoin(parent, eq(parent.id, organisations.parentId))
    .where(
      and(
        inArray(organisations.kind, ["group", "establishment"]),
        or(inArray(organisations.parentId, centres), inArray(parent.parentId, centres)),
      ),
    )
    .orderBy(asc(organisations.name));
}
