import type { Actor } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors";

/** The centres the actor is a platform admin of (an admin membership of a centre). */
export function adminCentres(actor: Actor): string[] {
  return actor.memberships.filter((m) => m.role === "admin" && m.kind === "centre").map((m) => m.organisationId);
}

/** Whether the actor administers a centre: the only role that sees /centre/*. */
export function isPlatformAdmin(actor: Actor): boolean {
  return adminCentres(actor).length > 0;
}

/** The establishments the actor is named manager of (not those reached through a centre). */
export function managerOfEstablishments(actor: Actor): string[] {
  return actor.memberships
    .filter((m) => m.role === "manager" && m.kind === "establishment")
    .map((m) => m.organisationId);
}

/** Whether the actor may open the manager pages at all (a manager somewhere, or a platform admin). */
export function mayManageAnything(actor: Actor): boolean {
  return managerOfEstablishments(actor).length > 0 || isPlatformAdmin(actor);
}

/** The centres the actor administers; not_found for anyone who is not a platform admin. */
export function requireAdminCentres(actor: Actor): string[] {
  const centres = adminCentres(actor);
  if (centres.length === 0) throw new AppError("not_found", "not a platform admin");

  return centres;
}

/**
 * Course packages (SCORM) are for those who run training: managers and platform admins. A
 * learner gets not_found, as for any manager route (the answers of the quiz are in the package).
 */
export function requireCoursePackageAccess(actor: Actor): void {
  if (!mayManageAnything(actor)) throw new AppError("not_found", "course packages are for managers and admins");
}
