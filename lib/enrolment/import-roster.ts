import { createHash } from "node:crypto";
import { and, eq, gt, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { enrolmentImports, membershipInvitations, memberships, teams, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import type { Locale } from "@/lib/i18n/locales";
import { validationMessages } from "@/lib/i18n/validation-messages";
import { requireManagedEstablishment } from "@/lib/access/managed-establishments";
import { AppError } from "@/lib/errors";
import { inviteExistingAccounts } from "@/lib/invitations/invite-existing-accounts";
import { type RosterRow, parseRoster } from "./parse-roster";
import { recordAudit } from "@/lib/audit/record-audit";

export const rosterStatuses = ["added", "invited", "already_invited", "team_changed", "unchanged", "error"] as const;
export type RosterStatus = (typeof rosterStatuses)[number];
export type RosterPreviewRow = RosterRow & { teamId: string | null; status: RosterStatus };
export type RosterPreview = {
  organisationId: string;
  fileSha256: string;
  rows: RosterPreviewRow[];
  fileErrors: string[];
  isValid: boolean;
};

/**
 * What importing a staff list into an establishment the actor manages would do, row by row:
 * a new account added to the establishment, an existing account invited (it joins only if the
 * person accepts), an invitation already waiting, a service change, nothing, or an error
 * (including a service the establishment does not have). Changes nothing.
 *
 * Of an account that exists elsewhere it says that and no more: never its stored name, its
 * establishments or its roles (only the name typed in the file is ever shown).
 */
export async function previewRoster(
  db: Db,
  options: { actor: Actor; organisationId: string; bytes: Uint8Array; locale?: Locale },
): Promise<RosterPreview> {
  const establishment = await requireManagedEstablishment(db, options.actor, options.organisationId);
  const fileSha256 = createHash("sha256").update(options.bytes).digest("hex");
  const { rows, fileErrors } = parseRoster(options.bytes, options.locale);
  const t = validationMessages(options.locale);
  const emails = rows.map((row) => row.email).filter(Boolean);
  const [teamRows, accounts] = await Promise.all([
    db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.organisationId, establishment.id)),
    emails.length ? existingAccounts(db, establishment.id, emails) : [],
  ]);
  const teamByName = new Map(teamRows.map((team) => [team.name.toLowerCase(), team.id]));
  const accountByEmail = new Map(accounts.map((row) => [row.email, row]));

  const preview = rows.map((row): RosterPreviewRow => {
    const teamId = row.team ? (teamByName.get(row.team.toLowerCase()) ?? null) : null;
    const errors = row.team && !teamId ? [...row.errors, t("roster.unknownTeam", { team: row.team })] : row.errors;
    if (errors.length) return { ...row, errors, teamId, status: "error" };

    return { ...row, errors, teamId, status: rowStatus(accountByEmail.get(row.email), row.team ? teamId : undefined) };
  });

  return {
    organisationId: establishment.id,
    fileSha256,
    rows: preview,
    fileErrors,
    isValid: fileErrors.length === 0 && preview.every((row) => row.status !== "error"),
  };
}

type ExistingAccount = { email: string | null; isMember: boolean; teamId: string | null; isInvited: boolean };

// The accounts these addresses already have: whether each is a member here (and its team) or has
// an invitation here still open. Nothing else about them is read.
async function existingAccounts(db: Db, organisationId: string, emails: string[]): Promise<ExistingAccount[]> {
  const rows = await db
    .select({
      email: users.email,
      membership: memberships.id,
      teamId: memberships.teamId,
      invitation: membershipInvitations.id,
    })
    .from(users)
    .leftJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.organisationId, organisationId)))
    .leftJoin(
      membershipInvitations,
      and(
        eq(membershipInvitations.userId, users.id),
        eq(membershipInvitations.organisationId, organisationId),
        eq(membershipInvitations.status, "pending"),
        gt(membershipInvitations.expiresAt, new Date()),
      ),
    )
    .where(inArray(users.email, emails));

  return rows.map((row) => ({
    email: row.email,
    isMember: row.membership !== null,
    teamId: row.teamId,
    isInvited: row.invitation !== null,
  }));
}

function rowStatus(account: ExistingAccount | undefined, teamId: string | null | undefined): RosterStatus {
  if (!account) return "added";
  if (account.isMember) return teamId !== undefined && account.teamId !== teamId ? "team_changed" : "unchanged";

  return account.isInvited ? "already_invited" : "invited";
}

/**
 * Imports a staff list all or nothing: any error and nothing changes. Importing the same file
 * again changes nothing (members and open invitations are found by e-mail). New addresses get an
 * account and a membership here; existing accounts get an invitation and nothing else. Returns
 * the accounts created, to be sent a password invitation, and those invited, to be told of it.
 */
export async function importRoster(db: Db, options: { actor: Actor; organisationId: string; bytes: Uint8Array }) {
  const preview = await previewRoster(db, options);
  if (!preview.isValid) throw new AppError("bad_request", "the file has errors");
  const { organisationId } = preview;

  return db.transaction(async (tx) => {
    const withStatus = (...statuses: RosterStatus[]) => preview.rows.filter((row) => statuses.includes(row.status));
    const toAdd = withStatus("added");
    const created = new Set(
      toAdd.length
        ? (
            await tx
              .insert(users)
              .values(toAdd.map((row) => ({ name: row.name, email: row.email })))
              .onConflictDoNothing({ target: users.email })
              .returning({ email: users.email })
          ).map((u) => u.email)
        : [],
    );
    const ids = new Map(
      (
        await tx
          .select({ id: users.id, email: users.email })
          .from(users)
          .where(
            inArray(
              users.email,
              preview.rows.map((row) => row.email),
            ),
          )
      ).map((u) => [u.email!, u.id]),
    );
    const newRows = toAdd.filter((row) => created.has(row.email));
    if (newRows.length) {
      await tx
        .insert(memberships)
        .values(
          newRows.map((row) => ({
            userId: ids.get(row.email)!,
            organisationId,
            role: "learner" as const,
            teamId: row.teamId,
          })),
        )
        .onConflictDoNothing();
    }
    // An address that got an account since the preview is an existing account too: invited.
    const inviteRows = [...withStatus("invited"), ...toAdd.filter((row) => !created.has(row.email))];
    await inviteExistingAccounts(tx, {
      organisationId,
      invitedBy: options.actor.userId,
      invitees: inviteRows.map((row) => ({ userId: ids.get(row.email)!, role: "learner", teamId: row.teamId })),
    });
    for (const row of withStatus("team_changed")) {
      await tx
        .update(memberships)
        .set({ teamId: row.teamId, updatedAt: new Date() })
        .where(and(eq(memberships.userId, ids.get(row.email)!), eq(memberships.organisationId, organisationId)));
    }
    const counts = {
      ...Object.fromEntries(rosterStatuses.filter((s) => s !== "error").map((s) => [s, withStatus(s).length])),
      added: newRows.length,
      invited: inviteRows.length,
    };
    await tx.insert(enrolmentImports).values({
      organisationId,
      actorUserId: options.actor.userId,
      fileSha256: preview.fileSha256,
      rowCount: preview.rows.length,
      createdCount: created.size,
    });
    // The centre's audit log (platform admins) keeps how many accounts were created and invited.
    await recordAudit(tx, {
      action: "roster_imported",
      actorUserId: options.actor.userId,
      organisationId,
      targetType: "organisation",
      targetId: organisationId,
      details: { ...counts, created: created.size, fileSha256: preview.fileSha256 },
    });
    const account = (row: RosterPreviewRow) => ({ userId: ids.get(row.email)!, name: row.name, email: row.email });

    return { counts, newAccounts: newRows.map(account), invitedAccounts: inviteRows.map(account) };
  });
}
