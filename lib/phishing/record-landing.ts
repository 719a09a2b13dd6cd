import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type RawRow, selectRows, text } from "@/lib/read-model/sql-rows";
import { hashRecipientToken, isWellFormedToken } from "./recipient-token";
import { LINK_VALID_DAYS } from "./send-due-messages";
import { assignPhishingModule } from "./assign-phishing-module";

export type Landing = {
  recipientId: string;
  organisationId: string;
  scenarioId: string;
  assignModuleOnClick: boolean;
  /** A part of a centre's exercise (phishing_campaigns): the page says the centre ran it. */
  byCentre: boolean;
};

export type LandingOptions = {
  token: string;
  now: Date;
  /**
   * The establishments of the person signed in on this browser, if anyone is: a link of another
   * establishment's exercise is then treated as unknown (a colleague's link opened on a shared
   * PC of another establishment says nothing about this person).
   */
  viewerOrganisationIds?: readonly string[];
};

// The one condition for a link to count: its message was sent less than LINK_VALID_DAYS ago
// and its exercise was not cancelled.
function validLink(token: string, now: Date) {
  return sql`r.token_hash = ${hashRecipientToken(token)} and r.sent_at is not null
    and r.sent_at > ${now.toISOString()}::timestamptz - make_interval(days => ${LINK_VALID_DAYS}::int)
    and e.state <> 'cancelled'`;
}

// The same rule as viewerMay, in SQL.
function viewerFilter(options: LandingOptions) {
  const ids = options.viewerOrganisationIds;
  if (!ids) return sql`true`;
  if (ids.length === 0) return sql`false`;

  return sql`r.organisation_id in (${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
}

function viewerMay(landing: Landing, options: LandingOptions): boolean {
  return !options.viewerOrganisationIds || options.viewerOrganisationIds.includes(landing.organisationId);
}

const toLanding = (row: RawRow): Landing => ({
  recipientId: text(row, "id"),
  organisationId: text(row, "organisation_id"),
  scenarioId: text(row, "scenario_id"),
  assignModuleOnClick: row.assign_module_on_click === true,
  byCentre: row.by_centre === true,
});

/**
 * A request for the landing page without a person's interaction (what mail scanners and link
 * previews send, and what a person's own first load sends too): counted as an automatic
 * opening, never as a click. An unknown, forged, expired or other establishment's token
 * records nothing and returns null; the caller shows the same plain page for all of them.
 * One statement, on the hot path of every link opened: the count goes up where the link counts,
 * and what the page needs comes back (it stops at the integer's maximum rather than fail).
 */
export async function recordAutomaticOpen(db: Db, options: LandingOptions): Promise<Landing | null> {
  if (!isWellFormedToken(options.token)) return null;
  const [landing] = await selectRows(
    db,
    sql`update phishing_recipients r set automatic_opens = least(r.automatic_opens, 2147483646) + 1
      from phishing_exercises e
      where e.id = r.exercise_id and ${validLink(options.token, options.now)} and ${viewerFilter(options)}
      returning r.id, r.organisation_id, e.scenario_id, e.assign_module_on_click,
        e.campaign_id is not null as by_centre`,
    toLanding,
  );

  return landing ?? null;
}

/**
 * A person's click: recorded once (the first time; later ones change nothing), and when the
 * exercise says so the phishing module is assigned to them in the same transaction, through the
 * assignments model (assignPhishingModule). Only the route that a real user activation reaches
 * calls this (app/(public)/exercice). Returns the landing, or null for a token that does not
 * count, with nothing recorded.
 */
export async function recordHumanClick(db: Db, options: LandingOptions): Promise<Landing | null> {
  if (!isWellFormedToken(options.token)) return null;
  const [landing] = await selectRows(
    db,
    sql`select r.id, r.organisation_id, e.scenario_id, e.assign_module_on_click,
        e.campaign_id is not null as by_centre
      from phishing_recipients r join phishing_exercises e on e.id = r.exercise_id
      where ${validLink(options.token, options.now)}`,
    toLanding,
  );
  if (!landing || !viewerMay(landing, options)) return null;
  const at = options.now.toISOString();
  await db.transaction(async (tx) => {
    const [first] = await selectRows(
      tx,
      sql`update phishing_recipients r set clicked_at = ${at}::timestamptz,
          module_assigned_at = case when ${landing.assignModuleOnClick} then ${at}::timestamptz end
        from phishing_exercises e
        where r.id = ${landing.recipientId}::uuid and r.clicked_at is null and e.id = r.exercise_id
        returning r.user_id, e.window_starts_on::text as window_starts_on`,
      (row) => ({ userId: text(row, "user_id"), windowStartsOn: text(row, "window_starts_on") }),
    );
    if (first && landing.assignModuleOnClick)
      await assignPhishingModule(tx, { organisationId: landing.organisationId, ...first });
  });

  return landing;
}
