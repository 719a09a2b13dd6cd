import { createHash } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, enrolmentImports, memberships, teams, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { listManagedEstablishments } from "@/lib/access/managed-establishments";
import { AppError } from "@/lib/errors";
import { type RosterRow, parseRoster } from "./parse-roster";

export type RosterPreviewRow = RosterRow & { teamId: string | null; status: "added" | "team_changed" | "unchanged" | "error" };
export type RosterPreview = { organisationId: string; fileSha256: string; rows: RosterPreviewRow[]; fileErrors: string[]; isValid: boolean };

/**
 * What importing a staff list into an establishment the actor manages would do, row by row:
 * someone added to the establishment, a service change, nothing, or an error (including a
 * service the establishment does not have). Changes nothing.
 *
 * "Added" does not say whether the address already has a Vigie account (in another
 * establishment of the region): a manager may not learn who is enrolled elsewhere.
 */
export async function previewRoster(db: Db, options: { actor: Actor; organisationId: string; bytes: Uint8Array }): Promise<RosterPreview> {
  const [establishment] = await listManagedEstablishments(db, { actor: options.actor, organisationId: options.organisationId });
  if (!establishment) throw new AppError("not_found");
  const fileSha256 = createHash("sha256").update(options.bytes).digest("hex");
  const { rows, fileErrors } = parseRoster(options.bytes);
  const [teamRows, known] = await Promise.all([
    db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.organisationId, establishment.id)),
    rows.length
      ? db
          .select({ email: users.email, organisationId: memberships.organisationId, teamId: memberships.teamId })
          .from(users)
          .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.organisationId, establishment.id)))
          .where(inArray(users.email, rows.map((row) => row.email).filter(Boolean)))
      : [],
  ]);
  const teamByName = new Map(teamRows.map((team) => [team.name.toLowerCase(), team.id]));
  const knownByEmail = new Map(known.map((row) => [row.email, row]));

  const preview = rows.map((row): RosterPreviewRow => {
    const teamId = row.team ? (teamByName.get(row.team.toLowerCase()) ?? null) : null;
    const errors = row.team && !teamId ? [...row.errors, `Service inconnu : « ${row.team} » (créez-le d'abord dans « Services et unités »).`] : row.errors;
    if (errors.length) return { ...row, errors, teamId, status: "error" };
    const existing = knownByEmail.get(row.email);
    const status = !existing?.organisationId ? "added" : row.team && existing.teamId !== teamId ? "team_changed" : "unchanged";

    return { ...row, errors, teamId, status };
  });

  return { organisationId: establishment.id, fileSha256, rows: preview, fileErrors, isValid: fileErrors.length === 0 && preview.every((row) => row.status !== "error") };
}

/**
 * Imports a staff list all or nothing: any error and nothing changes. Importing the same file
 * again changes nothing (existing members are found by e-mail). Returns the accounts created,
 * to be sent an invitation, and the existing accounts added here, to be told of it.
 */
export async function importRoster(db: Db, options: { actor: Actor; organisationId: string; bytes: Uint8Array }) {
  const preview = await previewRoster(db, options);
  if (!preview.isValid) throw new AppError("bad_request", "the file has errors");
  const { organisationId } = preview;

  return db.transaction(async (tx) => {
    const toAdd = preview.rows.filter((row) => row.status === "added");
    const created = new Set(
      toAdd.length
        ? (await tx.insert(users).values(toAdd.map((row) => ({ name: row.name, email: row.email }))).onConflictDoNothing({ target: users.email }).returning({ email: users.email })).map((u) => u.email)
        : [],
    );
    const ids = new Map(
      (await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, preview.rows.map((row) => row.email)))).map((u) => [u.email!, u.id]),
    );
    if (toAdd.length) {
      await tx.insert(memberships).values(toAdd.map((row) => ({ userId: ids.get(row.email)!, organisationId, role: "learner" as const, teamId: row.teamId }))).onConflictDoNothing();
    }
    for (const row of preview.rows.filter((r) => r.status === "team_changed")) {
      await tx.update(memberships).set({ teamId: row.teamId, updatedAt: new Date() }).where(and(eq(memberships.userId, ids.get(row.email)!), eq(memberships.organisationId, organisationId)));
    }
    const counts = Object.fromEntries(["added", "team_changed", "unchanged"].map((s) => [s, preview.rows.filter((r) => r.status === s).length]));
    await tx.insert(enrolmentImports).values({ organisationId, actorUserId: options.actor.userId, fileSha256: preview.fileSha256, rowCount: preview.rows.length, createdCount: created.size });
    // The centre's audit log (platform admins) keeps how many accounts were created.
    await tx.insert(auditLog).values({ actorUserId: options.actor.userId, organisationId, action: "roster_imported", targetType: "organisation", targetId: organisationId, details: { ...counts, created: created.size, fileSha256: preview.fileSha256 } });
    const account = (row: RosterPreviewRow) => ({ userId: ids.get(row.email)!, name: row.name, email: row.email });

    return {
      counts,
      newAccounts: toAdd.filter((row) => created.has(row.email)).map(account),
      addedAccounts: toAdd.filter((row) => !created.has(row.email)).map(account),
    };
  });
}
