"use server";

import { getDb } from "@/db/client";
import { signOut } from "@/lib/auth";
import { recordAudit } from "@/lib/audit/record-audit";
import { endUserSessions } from "@/lib/auth/end-sessions";
import { getActor } from "@/lib/auth/guards";
import { requestOrigin } from "@/lib/http/request-origin";
import { headers } from "next/headers";

/** "Se déconnecter de tous les appareils": ends every session of the signed-in person, this one too. */
export async function signOutEverywhereAction(): Promise<void> {
  const actor = await getActor();
  if (actor) {
    const [{ db }, requestHeaders] = await Promise.all([getDb(), headers()]);
    const ended = await endUserSessions(db, { userId: actor.userId });
    await recordAudit(db, { action: "sessions.ended", actorUserId: actor.userId, origin: requestOrigin(requestHeaders), targetType: "user", targetId: actor.userId, details: { scope: "all_devices", ended } });
  }
  await signOut({ redirectTo: "/connexion" });
}
