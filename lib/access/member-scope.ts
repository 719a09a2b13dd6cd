import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { type Role, memberships, organisations, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors";
import { managedEstablishmentIds } from "./managed-establishments";
import { adminCentres, isPlatformAdmin } from "./roles";

/** The details of the conflicts a form explains: the account is not the actor's alone; the centre's last admin. */
export const OUTSIDE_SCOPE = "the account also belongs elsewhere";
export const LAST_ADMIN = "the centre's last admin";

export type MemberRow = { organisationId: string; kind: string; role: Role };

export type MemberInScope = {
  /** Every membership of the person, in any organisation. */
  memberships: MemberRow[];
  /** The membership acted on, when an organisation was named. */
  membership: MemberRow | null;
  /** Whether every membership of the person is in the actor's scope: the account is theirs alone. */
  isWhollyInScope: boolean;
};

/**
 * The organisations whose memberships the actor may change or withdraw: the establishments they
 * manage and, for a platform admin, their centres (where admin rights are held).
 */
export async function memberScope(db: Db, actor: Actor): Promise<Set<string>> {
  return new Set([...(await managedEstablishmentIds(db, actor)), ...adminCentres(actor)]);
}

/**
 * A person the actor may act on, as a member of `organisationId` (or, without one, of any
 * organisation in the actor's scope): never the actor themselves, and someone with admin rights
 * only for an admin of every centre they hold them in. A platform admin also reaches an account
 * that belongs nowhere any more. Anyone else is not_found, the answer for what does not exist.
 */
export async function requireMemberInScope(
  db: Db,
  actor: Actor,
  options: { userId: string; organisationId?: string },
): Promise<MemberInScope> {
  const { userId, organisationId } = options;
  // Postgres refuses a malformed uuid with a driver error: a forged id is simply not found.
  if (!z.guid().safeParse(userId).success || userId === actor.userId)
    throw new AppError("not_found", "not a member in scope");
  if (organisationId !== undefined && !z.guid().safeParse(organisationId).success)
    throw new AppError("not_found", "not a member in scope");
  const scope = await memberScope(db, actor);
  if (scope.size === 0) throw new AppError("not_found", "manages nothing");
  const rows = await db
    .select({ organisationId: memberships.organisationId, kind: organisations.kind, role: memberships.role })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, userId));
  const centres = new Set(adminCentres(actor));
  if (rows.some((row) => row.role === "admin" && !centres.has(row.organisationId)))
    throw new AppError("not_found", "admin rights beyond the actor's centres");
  const membership = organisationId
    ? (rows.find((row) => row.organisationId === organisationId && scope.has(row.organisationId)) ?? null)
    : null;
  if (organisationId && !membership) throw new AppError("not_found", "not a member of that organisation in scope");
  if (
    !organisationId &&
    !rows.some((row) => scope.has(row.organisationId)) &&
    !(rows.length === 0 && isPlatformAdmin(actor) && (await accountExists(db, userId)))
  ) {
    throw new AppError("not_found", "not a member in scope");
  }

  return { memberships: rows, membership, isWhollyInScope: rows.every((row) => scope.has(row.organisationId)) };
}

async function accountExists(db: Db, userId: string): Promise<boolean> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));

  return Boolean(user);
}

/**
 * Refuses (conflict) to leave a centre without an active admin: call it in the transaction that
 * withdraws `userId`'s admin rights or account. It locks the centre's admin memberships, so two
 * admins withdrawing each other at the same time cannot both succeed.
 */
export async function assertAnotherActiveAdmin(tx: Db, centreId: string, userId: string): Promise<void> {
  // Every active admin of the centre, the one withdrawn included: locking only the others would
  // let two admins who withdraw each other each lock the other's row, and both succeed.
  const admins = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, centreId), eq(memberships.role, "admin"), eq(users.isActive, true)))
    .for("update");
  if (!admins.some((admin) => admin.userId !== userId)) throw new AppError("conflict", LAST_ADMIN);
}
