import { and, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { certificates, memberships, moduleProgress, teams, users } from "@/db/schema";
import { listLearnerAssignments } from "@/lib/assignments/list-learner-assignments";
import type { Catalogue } from "@/lib/courses/types";
import { AppError } from "@/lib/errors";

/**
 * One learner of the establishment as their manager sees them: every module they have progressed
 * in here (scores, time, dates), assigned or taken on their own initiative, with the certificate
 * of each module completed; assignments with status; certificates. Anyone not a member of that
 * establishment is not_found.
 */
export async function getLearnerDetail(
  db: Db,
  options: { organisationId: string; userId: string; catalogue: Catalogue; asOf: Date },
) {
  if (!z.guid().safeParse(options.userId).success) throw new AppError("not_found");
  const [learner] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      username: users.username,
      isActive: users.isActive,
      role: memberships.role,
      teamId: memberships.teamId,
      teamName: teams.name,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(teams, eq(teams.id, memberships.teamId))
    .where(and(eq(memberships.organisationId, options.organisationId), eq(memberships.userId, options.userId)));
  if (!learner) throw new AppError("not_found", "not a member of this establishment");

  const [progressRows, certificateRows] = await Promise.all([
    // Only what was done in this establishment: a person who also works elsewhere keeps that to themselves.
    db
      .select()
      .from(moduleProgress)
      .where(and(eq(moduleProgress.userId, learner.id), eq(moduleProgress.organisationId, options.organisationId))),
    db
      .select()
      .from(certificates)
      .where(
        and(
          eq(certificates.userId, learner.id),
          eq(certificates.organisationId, options.organisationId),
          isNull(certificates.replacedAt),
        ),
      )
      .orderBy(desc(certificates.issuedAt)),
  ]);
  const progress = new Map(progressRows.map((row) => [row.moduleId, row]));
  const assignmentList = await listLearnerAssignments(db, {
    organisationId: options.organisationId,
    userId: learner.id,
    teamId: learner.teamId,
    catalogue: options.catalogue,
    progress,
    asOf: options.asOf,
  });
  const assigned = new Set(
    assignmentList.flatMap((a) =>
      a.subjectType === "path" ? (options.catalogue.pathById.get(a.subjectId)?.moduleIds ?? []) : [a.subjectId],
    ),
  );
  // The module's own certificate: a valid one first, else the latest (rows are newest first).
  const certificateOf = (moduleId: string) => {
    const own = certificateRows.filter((c) => c.subjectType === "module" && c.subjectId === moduleId);

    return own.find((c) => !c.revokedAt) ?? own[0] ?? null;
  };
  const modules = progressRows
    .map((row) => ({
      ...row,
      title: options.catalogue.moduleById.get(row.moduleId)?.title ?? row.moduleId,
      isAssigned: assigned.has(row.moduleId),
      certificate: certificateOf(row.moduleId),
    }))
    .sort((a, b) => a.title.localeCompare(b.title, "fr"));

  return { learner, modules, assignments: assignmentList, certificates: certificateRows };
}
