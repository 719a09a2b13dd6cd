"use server";

import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { type FormState, parseForm } from "@/lib/forms";
import { clientAddress } from "@/lib/http/client-address";
import { erasePersonalData } from "@/lib/privacy/erase-personal-data";
import { findPerson } from "@/lib/privacy/find-person";
import { needsReauthentication, reauthenticationState } from "@/app/_components/reauthentication";

/** Erases a person's data once the admin has typed their e-mail (or identifier) again to confirm. */
export async function erasePersonAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("privacyAdmin");
  const actor = await getActor();
  if (!actor) return { message: t("errors.notFound") };
  const schema = z
    .object({ email: z.string().trim().toLowerCase(), confirmation: z.string().trim().toLowerCase() })
    .refine((v) => v.email === v.confirmation, {
      message: t("errors.confirmation"),
      path: ["confirmation"],
    });
  const parsed = parseForm(schema, formData, t("errors.fixFields"));
  if (!parsed.success) return parsed.state;

  try {
    const { db } = await getDb();
    const person = await findPerson(db, actor, parsed.data.email);
    if (!person) return { message: t("errors.notFound") };
    await erasePersonalData(db, {
      actor,
      userId: person.id,
      ipAddress: clientAddress(await headers(), env().TRUST_PROXY_HOPS),
    });
  } catch (error) {
    if (needsReauthentication(error)) return reauthenticationState();
    if (error instanceof AppError)
      return { message: error.code === "conflict" ? t("errors.self") : t("errors.notFound") };
    throw error;
  }

  return { ok: true, message: t("erased") };
}
