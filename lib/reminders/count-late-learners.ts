import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Catalogue } from "@/lib/courses/types";
import { loadAssignmentTargets } from "@/lib/read-model/assignment-targets";
import { learnerStatusCtes } from "@/lib/read-model/learner-statuses";
import { int, selectRows } from "@/lib/read-model/sql-rows";

/** How many active learners with an e-mail address are late: those "Relancer tous" would reach, interval aside. */
export async function countLateLearners(
  db: Db,
  options: { organisationId: string; catalogue: Catalogue; asOf: Date },
): Promise<number> {
  const targets = await loadAssignmentTargets(db, options);
  const ctes = learnerStatusCtes({ organisationId: options.organisationId, targets, where: sql`u.email is not null` });
  const [late] = await selectRows(
    db,
    sql`${ctes} select count(*)::int as n from per_learner where status = 'late'`,
    (row) => int(row, "n"),
  );

  return late ?? 0;
}
