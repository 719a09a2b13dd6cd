import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { auditLog, memberships, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { listManagedEstablishments } from "@/lib/incident/list-managed-establishments";
import { AppError } from "@/lib/errors";

/**
 * Deactivates or reactivates a learner of an establishment the actor manages (or of one under
 * their centre, for a platform admin). A deactivated learner is refused on their next request
 * (guards re-read the user); their progress and certificates stay. Anyone else, and the actor
 * themselves, get not_found. The account is one for every establishment: someone who also
 * belongs elsewhere, or manages anything, is a conflict (only an admin above all of it may),
 * since deactivating them would change another establishment. Nothing changes when refused.
 */
export async function setLearnerActive(db: Db, options: { actor: Actor; userId: string; isActive: boolean }) {
  const { actor, userId, isActive } = options;
  // Postgres refuses a malformed uuid with a driver error: a forged id is simply not found.
  if (!z.guid().safeParse(userId).success || userId === actor.userId) throw new AppError("not_found", "not a managed learner");
  const managed = (await listManagedEstablishments(db, { actor })).map((establishment) => establishment.id);
  if (managed.length === 0) throw new AppError("not_found", "manages no establishment");
  const roles = await db.select({ organisationId: memberships.organisationId, role: memberships.role }).from(memberships).where(eq(memberships.userId, userId));
  const membership = roles.find((row) => row.role === "learner" && managed.includes(row.organisationId));
  if (!membership) throw new AppError("not_found", "not a managed learner");
  if (roles.some((row) => row.role !== "learner" || !managed.includes(row.organisationId))) throw new AppError("conflict", "the account also belongs elsewhere");

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
