import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { selectRows, text } from "@/lib/read-model/sql-rows";
import { launchTargets } from "./exercise-targets";

export type DraftMessageCount = {
  /** The messages its launch would plan now. */
  planned: number;
  /** Reachable people left out: counted in another establishment of the centre exercise. */
  countedElsewhere: number;
};

/**
 * How many messages launching each of an establishment's draft exercises would plan now, by
 * exercise id, by the launch's own rule (launchTargets): for a part of a centre exercise, the
 * parts launched with it are the campaign's draft parts, as launchCampaign takes them, and a
 * person counted in one of the others is left out here too.
 */
export async function countDraftMessages(db: Db, organisationId: string): Promise<Map<string, DraftMessageCount>> {
  const drafts = await selectRows(
    db,
    sql`select e.id, array_to_string(e.team_ids, ',') as team_ids,
        coalesce((select string_agg(p.organisation_id::text, ',') from phishing_exercises p
          where p.campaign_id = e.campaign_id and p.state = 'draft'), '') as part_organisation_ids
      from phishing_exercises e
      where e.organisation_id = ${organisationId}::uuid and e.state = 'draft'`,
    (row) => ({
      id: text(row, "id"),
      teamIds: text(row, "team_ids").split(",").filter(Boolean),
      campaignOrganisationIds: text(row, "part_organisation_ids").split(",").filter(Boolean),
    }),
  );
  const counts = await Promise.all(
    drafts.map(async ({ id, teamIds, campaignOrganisationIds }) => {
      const targets = await launchTargets(db, { organisationId, teamIds, campaignOrganisationIds });

      return [id, { planned: targets.planned.length, countedElsewhere: targets.countedElsewhere }] as const;
    }),
  );

  return new Map(counts);
}
