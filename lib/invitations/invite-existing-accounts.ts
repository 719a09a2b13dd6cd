import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { membershipInvitations } from "@/db/schema";

// Long enough for staff on nights, leave or rotation to sign in and answer.
export const MEMBERSHIP_INVITATION_MAX_AGE_MS = 14 * 24 * 60 * 60 * 1000;

export type Invitee = { userId: string; role: "learner" | "manager"; teamId: string | null };

/**
 * Opens a pending invitation for each existing account to join the establishment, or renews the
 * one already open (new expiry; a manager invitation stays one). Attaches nothing: the person
 * accepts or declines it while signed in (respond-to-invitation.ts). Run inside the caller's
 * transaction; returns the invitations written.
 */
export async function inviteExistingAccounts(
  db: Db,
  options: { organisationId: string; invitedBy: string; invitees: Invitee[]; now?: Date },
) {
  if (options.invitees.length === 0) return [];
  const now = options.now ?? new Date();
  const expiresAt = new Date(now.getTime() + MEMBERSHIP_INVITATION_MAX_AGE_MS);

  return db
    .insert(membershipInvitations)
    .values(
      options.invitees.map((invitee) => ({
        ...invitee,
        organisationId: options.organisationId,
        invitedBy: options.invitedBy,
        expiresAt,
        createdAt: now,
      })),
    )
    .onConflictDoUpdate({
      target: [membershipInvitations.userId, membershipInvitations.organisationId],
      targetWhere: sql`${membershipInvitations.status} = 'pending'`,
      set: {
        role: sql`case when ${membershipInvitations.role} = 'manager' then 'manager' else excluded.role end`,
        teamId: sql`coalesce(excluded.team_id, ${membershipInvitations.teamId})`,
        invitedBy: sql`excluded.invited_by`,
        expiresAt: sql`excluded.expires_at`,
        createdAt: sql`excluded.created_at`,
      },
    })
    .returning({
      id: membershipInvitations.id,
      userId: membershipInvitations.userId,
      role: membershipInvitations.role,
    });
}
