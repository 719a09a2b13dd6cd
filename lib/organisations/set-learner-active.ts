import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, memberships, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors";

/**
 * Deactivates or reactivates a learner of an establishment the actor manages (or any, for a
 * platform admin). A deactivated learner is refused on their next request (guards re-read the
 * user); their progress and certificates stay. Anyone else gets not_found.
 */
export async function setLearnerActive(db: Db, options: { actor: Actor; userId: string; isActive: boolean }) {
  const { actor, userId, isActive } = options;
  const isAdmin = actor.memberships.some((m) => m.role === "admin" && m.kind === "centre");
  const managed = actor.memberships.filter((m) => m.role === "manager").map((m) => m.organisationId);
  const [membership] = await db
    .select({ organisationId: memberships.organisationId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.role, "learner"), isAdmin ? undefined : inArray(memberships.organisationId, managed.length ? managed : ["00000000-0000-0000-0000-000000000000"])));
  if (!membership || userId === actor.userId) throw new AppError("not_found");

  return db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ isActive, deactivatedAt: isActive ? null : new Date(), updatedAt: new Date() })
      .where(eq(users.id, userId))
      .returning({ id: users.id, isActive: users.isActive });
    await tx.insert(auditLog).values({
      actorUserId: actor.userId,
      organisationId: membership.organisationId,
      action: isActive ? "learner_reactivated" : "learner_deactivated",
      targetType: "user",
      targetId: userId,
    });

    return user!;
  });
}
