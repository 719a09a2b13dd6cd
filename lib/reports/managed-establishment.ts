import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors";
import { type ManagedEstablishment, listManagedEstablishments } from "@/lib/incident/list-managed-establishments";

/**
 * The establishment whose reports the actor asks for: the one named, or their first. Anyone
 * who does not manage it (or manages none) gets not_found, the answer for what does not exist.
 */
export async function managedEstablishment(db: Db, options: { actor: Actor; organisationId?: string | null }): Promise<ManagedEstablishment & { all: ManagedEstablishment[] }> {
  const all = await listManagedEstablishments(db, { actor: options.actor });
  const chosen = options.organisationId ? all.find((e) => e.id === options.organisationId) : all[0];
  if (!chosen) throw new AppError("not_found", "not a managed establishment");

  return { ...chosen, all };
}
