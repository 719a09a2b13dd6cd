"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { LAST_ADMIN, OUTSIDE_SCOPE } from "@/lib/access/member-scope";
import { getActor } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import type { FormState } from "@/lib/forms";
import { changeMemberRole, memberRoleSchema } from "@/lib/organisations/change-member-role";
import { removeMembership } from "@/lib/organisations/remove-membership";
import { setAccountActive } from "@/lib/organisations/set-account-active";

// Withdrawing access, for a manager on a member's page and for a platform admin on /centre/personnes.
// Who may act on whom is decided in lib/access/member-scope.ts; these only adapt the forms.
// TODO(sessions): require a recent re-authentication here before a role change or a withdrawal,
// and offer "Mettre fin à ses sessions" next to these actions.

const memberSchema = z.object({ userId: z.string(), organisationId: z.string() });

type Translate = Awaited<ReturnType<typeof getTranslations<"memberAccess">>>;

function refusal(t: Translate, error: unknown): FormState {
  if (!(error instanceof AppError)) throw error;
  if (error.code !== "conflict") return { message: t("errors.notFound") };
  if (error.detail === LAST_ADMIN) return { message: t("errors.lastAdmin") };
  if (error.detail === OUTSIDE_SCOPE) return { message: t("errors.elsewhere") };

  return { message: t("errors.changed") };
}

function revalidateMemberPages() {
  revalidatePath("/etablissement/apprenants/[userId]", "page");
  revalidatePath("/centre/personnes");
}

/** Makes a member a manager of the establishment, or a learner again. */
export async function changeMemberRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const [t, actor] = await Promise.all([getTranslations("memberAccess"), getActor()]);
  const parsed = memberSchema.extend({ role: memberRoleSchema }).safeParse(Object.fromEntries(formData));
  if (!actor || !parsed.success) return { message: t("errors.notFound") };
  const { userId, organisationId, role } = parsed.data;
  try {
    const { db } = await getDb();
    await changeMemberRole(db, { actor, organisationId, userId, role });
  } catch (error) {
    return refusal(t, error);
  }
  revalidateMemberPages();

  return { ok: true, message: t(role === "manager" ? "done.manager" : "done.learner") };
}

/** Removes a member from an establishment (or, for a platform admin, withdraws admin rights of the centre). */
export async function removeMemberAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const [t, actor] = await Promise.all([getTranslations("memberAccess"), getActor()]);
  const parsed = memberSchema.safeParse(Object.fromEntries(formData));
  if (!actor || !parsed.success) return { message: t("errors.notFound") };
  const { userId, organisationId } = parsed.data;
  try {
    const { db } = await getDb();
    await removeMembership(db, { actor, organisationId, userId });
  } catch (error) {
    return refusal(t, error);
  }
  // No revalidation: any would refresh the page the form is on, and on the member's page the
  // person is no longer a member, so it would turn into a 404 that hides this message.

  return { ok: true, message: t("done.removed") };
}

/** Deactivates or reactivates an account that belongs only to the actor's scope. */
export async function setAccountActiveAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const [t, actor] = await Promise.all([getTranslations("memberAccess"), getActor()]);
  const parsed = memberSchema.extend({ isActive: z.enum(["true", "false"]) }).safeParse(Object.fromEntries(formData));
  if (!actor || !parsed.success) return { message: t("errors.notFound") };
  const { userId, isActive } = parsed.data;
  try {
    const { db } = await getDb();
    await setAccountActive(db, { actor, userId, isActive: isActive === "true" });
  } catch (error) {
    return refusal(t, error);
  }
  revalidateMemberPages();

  return { ok: true, message: t(isActive === "true" ? "done.reactivated" : "done.deactivated") };
}
