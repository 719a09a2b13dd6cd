import { type SQLWrapper, and, eq, gt, sql } from "drizzle-orm";
import { membershipInvitations } from "@/db/schema";

/**
 * Which invitations count as the person's own, for the list, the header's count and the session
 * actor's statement alike: addressed to their account, neither answered nor cancelled, not expired.
 * Values, or placeholders of a prepared statement.
 */
export const pendingInvitationsOf = (userId: string | SQLWrapper, now: Date | SQLWrapper) =>
  and(
    eq(membershipInvitations.userId, userId),
    eq(membershipInvitations.status, "pending"),
    gt(membershipInvitations.expiresAt, now),
  );

/**
 * How many invitations wait for the person's answer, as a column of another statement (the
 * session actor's, lib/auth/load-actor.ts): a subquery PostgreSQL runs once per statement.
 */
export const pendingInvitationCount = (userId: SQLWrapper, now: SQLWrapper) =>
  sql<number>`(select count(*)::int from ${membershipInvitations} where ${pendingInvitationsOf(userId, now)})`.mapWith(
    Number,
  );
