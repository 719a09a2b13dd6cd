"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
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
import { resetMemberSecondFactor } from "@/lib/auth/second-factor/reset-member-second-factor";
import { requestOrigin } from "@/lib/http/request-origin";
import { needsReauthentication, reauthenticationState } from "../reauthentication";

// Withdrawing access, for a manager on a member's page and for a platform admin on /centre/personnes.
// Who may act on whom is decided in lib/access/member-scope.ts, and each change needs a recent
// proof of identity (lib/access/recent-auth.ts); these only adapt the forms.

const memberSchema = z.object({ userId: z.string(), organisationId: z.string() });

type Translate = Awaited<ReturnType<typeof getTranslations<"memberAccess">>>;

async function refusal(t: Translate, error: unknown): Promise<FormState> {
  if (needsReauthentication(error)) return reauthenticationState();
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

/** Removes the second factor of someone who lost it (they enrol again at their next sign-in), and ends their sessions. */
export async function resetSecondFactorAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const [t, tReset, actor] = await Promise.all([
    getTranslations("memberAccess"),
    getTranslations("secondFactor.reset"),
    getActor(),
  ]);
  const parsed = z.object({ userId: z.string() }).safeParse(Object.fromEntries(formData));
  if (!actor || !parsed.success) return { message: t("errors.notFound") };
  let reset: boolean;
  try {
    const { db } = await getDb();
    ({ reset } = await resetMemberSecondFactor(db, {
      actor,
      userId: parsed.data.userId,
      origin: requestOrigin(await headers()),
    }));
  } catch (error) {
    return refusal(t, error);
  }
  revalidateMemberPages();

  return { ok: reset, message: tReset(reset ? "done" : "none") };
}
