import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { managedEstablishment } from "@/lib/reports/managed-establishment";

/**
 * For the manager report pages: the signed-in actor and the establishment asked for (their
 * first by default). Anyone who manages no such establishment gets the 404 page.
 */
export async function reportsContext(returnTo: string, organisationId?: string) {
  const actor = await requireActor(returnTo);
  const { db } = await getDb();
  try {
    const establishment = await managedEstablishment(db, { actor, organisationId });
    return { actor, db, establishment };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
