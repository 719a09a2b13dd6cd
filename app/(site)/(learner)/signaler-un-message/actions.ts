"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getCurrentEstablishment } from "@/lib/auth/guards";
import { type FormState, parseForm } from "@/lib/forms";
import { requestOrigin } from "@/lib/http/request-origin";
import { reportSuspectMessage } from "@/lib/phishing/report-suspect-message";
import { SUSPECT_MESSAGE_MAX_LENGTH, withoutControlCharacters } from "@/lib/phishing/suspect-message-text";

export type ReportFormState = FormState & { noContact?: boolean };

/**
 * "Signaler un message suspect": the person's own exercise message leads to the "Bravo" page;
 * anything else goes to the security contact of the establishment they work in now (never one
 * named by the form).
 */
export async function reportSuspectMessageAction(
  _previous: ReportFormState,
  formData: FormData,
): Promise<ReportFormState> {
  const t = await getTranslations("suspectReport");
  const signedIn = await getCurrentEstablishment();
  if (!signedIn) return { message: t("errors.signedOut") };
  if (signedIn.current.status !== "chosen") return { message: t("errors.noEstablishment") };
  const schema = z.object({
    message: z
      .string(t("errors.empty"))
      .transform(withoutControlCharacters)
      .pipe(z.string().trim().min(1, t("errors.empty")).max(SUSPECT_MESSAGE_MAX_LENGTH, t("errors.tooLong"))),
  });
  const parsed = parseForm(schema, formData, t("errors.fixFields"));
  if (!parsed.success) return parsed.state;

  const { actor, current } = signedIn;
  const { membership } = current;
  const { db } = await getDb();
  const result = await reportSuspectMessage(db, {
    reporter: {
      userId: actor.userId,
      name: actor.name,
      email: actor.email,
      organisationIds: actor.memberships.map((m) => m.organisationId),
    },
    establishment: { organisationId: membership.organisationId, name: membership.organisationName },
    pasted: parsed.data.message,
    now: new Date(),
    origin: requestOrigin(await headers()),
  });
  switch (result.outcome) {
    case "exercise":
      redirect(`/signaler-un-message/exercice?message=${result.recipientId}`);
    case "rate_limited":
      return {
        message: t("errors.rateLimited", { minutes: Math.max(1, Math.ceil(result.retryAfterSeconds / 60)) }),
        typed: { message: parsed.data.message },
      };
    case "no_contact":
      return { noContact: true, message: t("noContact"), typed: { message: parsed.data.message } };
    case "sent":
      return { ok: true, message: t("sent", { name: result.contactName, establishment: membership.organisationName }) };
  }
}
