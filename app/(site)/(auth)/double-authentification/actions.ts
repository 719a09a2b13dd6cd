"use server";

import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { needsSecondFactor } from "@/lib/access/second-factor";
import { getActor, getActorAwaitingSecondFactor } from "@/lib/auth/guards";
import { confirmEnrolment } from "@/lib/auth/second-factor/enrol-second-factor";
import { renewRecoveryCodes } from "@/lib/auth/second-factor/renew-recovery-codes";
import { markSecondFactorPassed } from "@/lib/auth/second-factor/session-marks";
import { requestOrigin } from "@/lib/http/request-origin";

/** What the enrolment and renewal forms get back: the recovery codes, once, or a message. */
export type RecoveryCodesState = { message?: string; recoveryCodes?: string[] };

const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" && value.length <= 2000 ? value : "";
};

/**
 * Confirms an enrolment with a first code: the second factor is on, the recovery codes come back
 * to be shown once, and a session that was waiting for its second factor has now passed it.
 */
export async function confirmEnrolmentAction(
  _previous: RecoveryCodesState,
  formData: FormData,
): Promise<RecoveryCodesState> {
  const [t, verified, waiting] = await Promise.all([
    getTranslations("secondFactor.enrol"),
    getActor(),
    getActorAwaitingSecondFactor(),
  ]);
  const actor = verified ?? waiting;
  if (!actor?.session || !needsSecondFactor(actor.memberships)) return { message: t("errors.expired") };
  const { db } = await getDb();
  const result = await confirmEnrolment(db, {
    userId: actor.userId,
    pending: field(formData, "pending"),
    code: field(formData, "code"),
    origin: requestOrigin(await headers()),
  });
  if (result.status === "already_enrolled") return { message: t("errors.already") };
  if (result.status !== "ok") return { message: t(`errors.${result.status}`) };
  await markSecondFactorPassed(db, actor.session.id);

  return { recoveryCodes: result.recoveryCodes };
}

/** Ten new recovery codes for the signed-in person, who confirms with a current code. */
export async function renewRecoveryCodesAction(
  _previous: RecoveryCodesState,
  formData: FormData,
): Promise<RecoveryCodesState> {
  const [t, actor] = await Promise.all([getTranslations("secondFactor.account"), getActor()]);
  if (!actor) return { message: t("errors.notEnrolled") };
  const { db } = await getDb();
  const result = await renewRecoveryCodes(db, {
    userId: actor.userId,
    code: field(formData, "code"),
    origin: requestOrigin(await headers()),
  });
  if (result.status === "not_enrolled") return { message: t("errors.notEnrolled") };
  if (result.status !== "ok") return { message: t(`errors.${result.status}`) };

  return { recoveryCodes: result.recoveryCodes };
}
