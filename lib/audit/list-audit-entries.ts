import { type SQL, and, desc, eq, exists, inArray, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db } from "@/db/client";
import { auditLog, memberships, organisations, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { managedEstablishmentIds } from "@/lib/access/managed-establishments";
import { requireAdminCentres } from "@/lib/access/roles";
import { isInstanceOperator } from "./instance-operators";
import { type AuditAction, auditActions } from "./record-audit";

export const AUDIT_PAGE_SIZE = 50;

export const isAuditAction = (value: unknown): value is AuditAction => typeof value === "string" && (auditActions as readonly string[]).includes(value);

export type ListAuditEntriesOptions = {
  action?: AuditAction;
  /** The id of the last entry of the page before: the next page starts after it. */
  before?: string;
};

/**
 * A page of the audit entries of the admin's centres, newest first, optionally of one action:
 * entries about the centre or an establishment under it, and entries of no establishment by or
 * about people who belong there. Entries that concern no one known (a failed sign-in of an unknown
 * identifier) go to the instance's operators only (instance-operators.ts). Keyset pages on
 * (occurred_at, id), so that entries written meanwhile neither repeat nor hide older ones.
 */
export async function listAuditEntries(db: Db, actor: Actor, options: ListAuditEntriesOptions = {}) {
  // Only a platform admin (admin of a centre) reads the audit log; anyone else gets not_found.
  const centres = requireAdminCentres(actor);
  const [establishments, isOperator] = await Promise.all([managedEstablishmentIds(db, actor), isInstanceOperator(db, actor)]);
  const scope = [...centres, ...establishments];
  const isMember = (userId: SQL | typeof auditLog.actorUserId) =>
    exists(db.select({ one: sql`1` }).from(memberships).where(and(sql`${memberships.userId} = ${userId}`, inArray(memberships.organisationId, scope))));
  // The target as a uuid when it is one (CASE: a cast that would fail is never tried), for index lookups.
  const targetUuid = sql`(case when ${auditLog.targetId} ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then ${auditLog.targetId}::uuid end)`;
  const noOne = and(isNull(auditLog.organisationId), isNull(auditLog.actorUserId));
  const inScope = or(
    inArray(auditLog.organisationId, scope),
    and(isNull(auditLog.organisationId), isMember(auditLog.actorUserId)),
    and(noOne, eq(auditLog.targetType, "user"), isMember(targetUuid)),
    // A failure on a known account belongs to that account's centres, not to the operators.
    isOperator ? and(noOne, sql`${auditLog.targetType} is distinct from 'user'`) : undefined,
  );
  const before = z.guid().safeParse(options.before).success ? options.before : undefined;
  const after = before ? sql`(${auditLog.occurredAt}, ${auditLog.id}) < (select a.occurred_at, a.id from audit_log a where a.id = ${before}::uuid)` : undefined;
  const targetUser = alias(users, "target_user");

  const rows = await db
    .select({
      id: auditLog.id,
      occurredAt: auditLog.occurredAt,
      action: auditLog.action,
      actorEmail: users.email,
      // A person or an establishment by what the admin knows them as, anything else as stored.
      target: sql<string | null>`coalesce(${targetUser.email}, ${targetUser.username}, ${organisations.name}, ${auditLog.targetId})`,
      ipAddress: auditLog.ipAddress,
      userAgent: auditLog.userAgent,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(targetUser, and(eq(auditLog.targetType, "user"), sql`${targetUser.id} = ${targetUuid}`))
    .leftJoin(organisations, and(eq(auditLog.targetType, "organisation"), sql`${organisations.id} = ${targetUuid}`))
    .where(and(inScope, options.action ? eq(auditLog.action, options.action) : undefined, after))
    .orderBy(desc(auditLog.occurredAt), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1);
  const entries = rows.slice(0, AUDIT_PAGE_SIZE);

  return { entries, nextCursor: rows.length > AUDIT_PAGE_SIZE ? entries.at(-1)!.id : null };
}
