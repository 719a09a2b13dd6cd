import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { memberships } from "@/db/schema";
import { requireMemberInScope } from "@/lib/access/member-scope";
import type { Actor } from "@/lib/auth/load-actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { requireRecentAuth } from "@/lib/access/recent-auth";

export const memberRoleSchema = z.enum(["learner", "manager"]);
export type MemberRole = z.infer<typeof memberRoleSchema>;

/**
 * Makes a member of an establishment the actor manages a manager there, or a learner again
 * (withdrawing the manager's role): audited, and effective on the person's next request, since
 * the guards re-read memberships each time. Outsiders, admin rights and the actor themselves are
 * not_found; a role changed meanwhile by someone else is a conflict. Nothing changes when refused.
 */
export async function changeMemberRole(
  db: Db,
  options: { actor: Actor; organisationId: string; userId: string; role: MemberRole },
) {
  const { actor, organisationId, userId } = options;
  const role = memberRoleSchema.parse(options.role);
  const { membership } = await requireMemberInScope(db, actor, { organisationId, userId });
  if (membership?.kind !== "establishment" || membership.role === "admin")
    throw new AppError("not_found", "not an establishment's learner or manager");
  requireRecentAuth(actor);
  if (membership.role === role) return { role, changed: false };

  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(memberships)
      .set({ role, updatedAt: new Date() })
      .where(
        and(
          eq(memberships.userId, userId),
          eq(memberships.organisationId, organisationId),
          eq(memberships.role, membership.role),
        ),
      )
      .returning({ role: memberships.role });
    if (!updated) throw new AppError("conflict", "the membership changed meanwhile");
    await recordAudit(tx, {
      action: "member.role_changed",
      actorUserId: actor.userId,
      organisationId,
      targetType: "user",
      targetId: userId,
      details: { from: membership.role, to: role },
    });

    return { role, changed: true };
  });
}
