import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { type Actor, loadActor } from "@/lib/auth/load-actor";

/**
 * The actor as the guards give it for a session that signed in (and passed its second factor)
 * at `at`, by default just now: what sensitive actions (lib/access/recent-auth.ts) need to see.
 */
export function withSession(actor: Actor, at = new Date()): Actor {
  return {
    ...actor,
    session: { id: randomUUID(), authenticatedAt: at, secondFactorAt: at, awaitingSecondFactor: false },
  };
}

/** loadActor (null for an account gone or deactivated), signed in at `at`. */
export async function signedInActor(db: Db, userId: string, at = new Date()): Promise<Actor | null> {
  const actor = await loadActor(db, userId);

  return actor && withSession(actor, at);
}
