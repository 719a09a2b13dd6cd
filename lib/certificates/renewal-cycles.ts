import { and, eq, isNull, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assignments, memberships } from "@/db/schema";
import type { Catalogue } from "@/lib/courses/types";
import { cycleNumber } from "@/lib/assignments/assignment-cycle";
import type { SubjectType } from "./certificate-subject";

/** Says whether two completions of a subject fall in different yearly cycles of a renewed assignment. */
export type RenewalCycles = (subjectType: SubjectType, subjectId: string, earlier: Date, later: Date) => boolean;

/**
 * The yearly renewals that apply to a learner: the renewed assignments of their establishment
 * (whole establishment or their team). A module is covered by an assignment of itself or of a
 * path that holds it; a path by an assignment of itself.
 */
export async function loadRenewalCycles(
  db: Db,
  options: { userId: string; organisationId: string; catalogue: Catalogue },
): Promise<RenewalCycles> {
  const [membership] = await db
    .select({ teamId: memberships.teamId })
    .from(memberships)
    .where(and(eq(memberships.userId, options.userId), eq(memberships.organisationId, options.organisationId)));
  const team = membership?.teamId
    ? or(isNull(assignments.teamId), eq(assignments.teamId, membership.teamId))
    : isNull(assignments.teamId);
  const renewed = await db
    .select({ subjectType: assignments.subjectType, subjectId: assignments.subjectId, dueOn: assignments.dueOn })
    .from(assignments)
    .where(
      and(
        eq(assignments.organisationId, options.organisationId),
        eq(assignments.renewYearly, true),
        team,
        or(isNull(assignments.userId), eq(assignments.userId, options.userId)),
      ),
    );

  return (subjectType, subjectId, earlier, later) =>
    renewed.some((a) => {
      const covers =
        a.subjectType === subjectType
          ? a.subjectId === subjectId
          : subjectType === "module" &&
            a.subjectType === "path" &&
            (options.catalogue.pathById.get(a.subjectId)?.moduleIds.includes(subjectId) ?? false);
      return covers && cycleNumber(a.dueOn, later) > cycleNumber(a.dueOn, earlier);
    });
}
