import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { AppError } from "@/lib/errors";
import { auth } from "./index";
import { type Actor, type ActorMembership, learnerMembership, loadActor } from "./load-actor";

/** The signed-in, still active user of this request, or null. Read once per request. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const { db } = await getDb();

  return loadActor(db, userId);
});

/** For pages: the actor, or a redirect to the sign-in page that comes back here. */
export async function requireActor(returnTo: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/connexion?retour=${encodeURIComponent(returnTo)}`);

  return actor;
}

export type LearnerContext = { actor: Actor; membership: ActorMembership };

/** For pages that take modules: a signed-in member of an establishment. */
export async function requireLearner(returnTo: string): Promise<LearnerContext> {
  const actor = await requireActor(returnTo);
  const membership = learnerMembership(actor);
  if (!membership) throw new AppError("forbidden", "no establishment membership");

  return { actor, membership };
}

/** For route handlers: the learner, or an AppError the handler turns into a JSON answer. */
export async function learnerForApi(): Promise<LearnerContext> {
  const actor = await getActor();
  if (!actor) throw new AppError("unauthenticated");
  const membership = learnerMembership(actor);
  if (!membership) throw new AppError("forbidden", "no establishment membership");

  return { actor, membership };
}
