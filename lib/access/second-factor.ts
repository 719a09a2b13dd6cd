import type { ActorMembership } from "@/lib/auth/load-actor";

/**
 * Whether a person with these memberships must pass a second factor in each session: a platform
 * admin (any admin role) always; a manager of an establishment that requires it of its managers
 * (the default; a membership that does not say is taken as requiring it); a learner never.
 * lib/progress/write-events-statement.ts holds the same rule in SQL.
 */
export function needsSecondFactor(memberships: Pick<ActorMembership, "role" | "managersNeedSecondFactor">[]): boolean {
  return memberships.some((m) => m.role === "admin" || (m.role === "manager" && m.managersNeedSecondFactor !== false));
}
