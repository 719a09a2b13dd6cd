import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { DEFAULT_DUE_DAYS } from "@/lib/assignments/default-assignments";
import { PHISHING_MODULE_ID } from "./phishing-module";

export type AssignPhishingModuleOptions = {
  organisationId: string;
  userId: string;
  /** The exercise's first day (YYYY-MM-DD, Paris): the due date counts from it. */
  windowStartsOn: string;
};

/**
 * The due date of the module assigned after a click: DEFAULT_DUE_DAYS after the exercise's window
 * opens, like an establishment's default assignments. Everyone who clicks in one exercise shares
 * it, so that the reports count them as one assignment (lib/read-model/assignment-targets.ts), and
 * the latest click (a window of at most 20 working days, a link valid LINK_VALID_DAYS) still
 * leaves about a month.
 */
export function phishingModuleDueOn(windowStartsOn: string): string {
  return new Date(Date.parse(`${windowStartsOn}T00:00:00Z`) + DEFAULT_DUE_DAYS * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Assigns the phishing module to one person of the establishment, once: a person already assigned
 * it by this establishment keeps their assignment (a later click assigns nothing more). The row
 * says nothing of the exercise (no creator, no link to it): managers see an assignment like any
 * other, and only the person knows, from their own results, why. Runs in the caller's transaction.
 */
export async function assignPhishingModule(
  runner: Pick<Db, "execute">,
  options: AssignPhishingModuleOptions,
): Promise<void> {
  await runner.execute(sql`insert into assignments (organisation_id, user_id, subject_type, subject_id, due_on, renew_yearly)
    values (${options.organisationId}::uuid, ${options.userId}::uuid, 'module', ${PHISHING_MODULE_ID},
      ${phishingModuleDueOn(options.windowStartsOn)}::date, false)
    on conflict (user_id, organisation_id, subject_type, subject_id) where user_id is not null do nothing`);
}
