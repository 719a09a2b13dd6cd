import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { auditLog, memberships, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { requireManagedEstablishment } from "@/lib/access/managed-establishments";
import { requireAdminCentres } from "@/lib/access/roles";
import { AppError } from "@/lib/errors";
import { personNameField } from "@/lib/people/person-name";

export const nameManagerSchema = z.object({
  organisationId: z.string().trim(),
  name: personNameField(),
  email: z.string().trim().toLowerCase().email("Saisissez une adresse e-mail valide.").max(320),
});

/**
 * Makes someone a manager of an establishment under the admin's centre: an existing account
 * (found by e-mail) gets the role there, anyone else gets a new account (they sign in with a
 * password reset or a sign-in link). Logged as a role change. Outsiders get not_found.
 */
export async function nameManager(db: Db, options: { actor: Actor; input: z.infer<typeof nameManagerSchema> }) {
  const { actor, input } = options;
  requireAdminCentres(actor);
  const establishment = await requireManagedEstablishment(db, actor, input.organisationId);

  return db.transaction(async (tx) => {
    await tx.insert(users).values({ email: input.email, name: input.name }).onConflictDoNothing({ target: users.email });
    const [user] = await tx.select({ id: users.id, isActive: users.isActive }).from(users).where(eq(users.email, input.email));
    if (!user?.isActive) throw new AppError("conflict", "account deactivated or erased");
    const [previous] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.userId, user.id), eq(memberships.organisationId, establishment.id)));
    await tx
      .insert(memberships)
      .values({ userId: user.id, organisationId: establishment.id, role: "manager" })
      .onConflictDoUpdate({ target: [memberships.userId, memberships.organisationId], set: { role: "manager", updatedAt: new Date() } });
    await tx.insert(auditLog).values({
      actorUserId: actor.userId,
      organisationId: establishment.id,
      action: "role_changed",
      targetType: "user",
      targetId: user.id,
      details: { from: previous?.role ?? null, to: "manager" },
    });

    return { userId: user.id, organisationId: establishment.id };
  });
}
