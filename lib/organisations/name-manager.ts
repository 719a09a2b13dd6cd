import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { memberships, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { requireManagedEstablishment } from "@/lib/access/managed-establishments";
import { requireAdminCentres } from "@/lib/access/roles";
import { AppError } from "@/lib/errors";
import { personNameField, personNameMessages } from "@/lib/people/person-name";
import type { Locale } from "@/lib/i18n/locales";
import { validationMessages } from "@/lib/i18n/validation-messages";
import { inviteExistingAccounts } from "@/lib/invitations/invite-existing-accounts";
import { requireRecentAuth } from "@/lib/access/recent-auth";
import { type AuditAction, recordAudit } from "@/lib/audit/record-audit";

/** Who the admin names manager, with messages in `locale` (French when absent). */
export function nameManagerSchemaFor(locale?: Locale) {
  const t = validationMessages(locale);

  return z.object({
    organisationId: z.string().trim(),
    name: personNameField(personNameMessages(locale)),
    email: z.string().trim().toLowerCase().email(t("establishment.managerEmailInvalid")).max(320),
  });
}

export const nameManagerSchema = nameManagerSchemaFor();

export type NameManagerResult =
  /** A new account, manager here from now on (it signs in with a password reset or a sign-in link). */
  | { status: "created"; userId: string; organisationId: string }
  /** An existing account: invited, manager only once the person accepts. */
  | { status: "invited"; userId: string; organisationId: string }
  /** Already a manager here: nothing to do. */
  | { status: "unchanged"; userId: string; organisationId: string };

/**
 * Names someone manager of an establishment under the admin's centre. An address with no account
 * gets a new account, manager here at once; an existing account (found by e-mail) only gets an
 * invitation, which the person accepts while signed in as themselves: naming never hands a role
 * to an account someone else may control. Audited. Outsiders get not_found.
 */
export async function nameManager(
  db: Db,
  options: { actor: Actor; input: z.infer<typeof nameManagerSchema>; now?: Date },
): Promise<NameManagerResult> {
  const { actor, input } = options;
  requireAdminCentres(actor);
  const establishment = await requireManagedEstablishment(db, actor, input.organisationId);
  const organisationId = establishment.id;
  requireRecentAuth(actor);

  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    const [user] = created
      ? [{ id: created.id, isActive: true }]
      : await tx.select({ id: users.id, isActive: users.isActive }).from(users).where(eq(users.email, input.email));
    if (!user?.isActive) throw new AppError("conflict", "account deactivated or erased");
    const audit = (action: AuditAction, details: Record<string, unknown>) =>
      recordAudit(tx, {
        action,
        actorUserId: actor.userId,
        organisationId,
        targetType: "user",
        targetId: user.id,
        details,
      });
    if (created) {
      await tx.insert(memberships).values({ userId: user.id, organisationId, role: "manager" });
      await audit("role_changed", { from: null, to: "manager" });

      return { status: "created", userId: user.id, organisationId };
    }

    const [current] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.userId, user.id), eq(memberships.organisationId, organisationId)));
    if (current?.role === "manager") return { status: "unchanged", userId: user.id, organisationId };
    await inviteExistingAccounts(tx, {
      organisationId,
      invitedBy: actor.userId,
      invitees: [{ userId: user.id, role: "manager", teamId: null }],
      now: options.now,
    });
    await audit("invitation.sent", { role: "manager", currentRole: current?.role ?? null });

    return { status: "invited", userId: user.id, organisationId };
  });
}
