"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { listManagedEstablishments } from "@/lib/access/managed-establishments";
import { CURRENT_ESTABLISHMENT_COOKIE, currentEstablishmentValue } from "@/lib/auth/current-establishment";
import { getActor } from "@/lib/auth/guards";
import { safeReturnPath } from "@/lib/forms";
import { isHttpsSite } from "@/lib/http/public-origin";

/**
 * Makes an establishment the actor manages (a platform admin: one under their centre) the
 * current one for this browser session, then goes back to the manager page that asked. Any other
 * id changes nothing: the page asks again.
 */
export async function chooseManagedEstablishment(formData: FormData): Promise<void> {
  const actor = await getActor();
  if (!actor) redirect("/connexion?retour=%2Fetablissement%2Ftableau-de-bord");
  const organisationId = formData.get("organisationId");
  const { db } = await getDb();
  const [establishment] =
    typeof organisationId === "string" && organisationId
      ? await listManagedEstablishments(db, { actor, organisationId })
      : [];
  if (!establishment) return;

  (await cookies()).set(CURRENT_ESTABLISHMENT_COOKIE, currentEstablishmentValue(actor.userId, establishment.id), {
    path: "/",
    sameSite: "lax",
    httpOnly: true,
    secure: isHttpsSite(),
  });
  redirect(safeReturnPath(formData.get("retour"), "/etablissement/tableau-de-bord"));
}
