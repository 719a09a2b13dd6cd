import type { Actor } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors";

/** The centres the actor administers; not_found for anyone who is not a platform admin. */
export function requireAdminCentres(actor: Actor): string[] {
  const centres = actor.memberships.filter((m) => m.role === "admin" && m.kind === "centre").map((m) => m.organisationId);
  if (centres.length === 0) throw new AppError("not_found", "not a platform admin");

  return centres;
}

/** A URL-safe, unique-enough slug: the name without accents, plus a random tail. */
export function slugFor(name: string): string {
  const base = name
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);

  return `${base || "etablissement"}-${crypto.randomUUID().slice(0, 6)}`;
}
