import { type SQL, and, desc, eq, exists, inArray, isNull, or, sql } from "drizzle-orm";
import { type AnyPgColumn, alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db } from "@/db/client";
import { auditLog, memberships, organisations, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { managedEstablishmentIds } from "@/lib/access/managed-establishments";
import { requireAdminCentres } from "@/lib/access/roles";
import { isInstanceOperator } from "./instance-operators";
import type { JournalFilters } from "./journal-filters";

export const AUDIT_PAGE_SIZE = 50;

/** The filters of the journal's URL; `before` is the id of the last entry of the page before. */
export type ListAuditEntriesOptions = JournalFilters;

/**
 * A page of the audit entries of the admin's centres, newest first, optionally of one action, of
 * one person (as actor or as target, by part of a name, e-mail or username) and of Paris days:
 * entries about the centre or an establishment under it, and entries of no establishment by or
 * about people who belong there. Entries that concern no one known (a failed sign-in of an unknown
 * identifier) go to the instance's operators only (instance-operators.ts). Keyset pages on
 * (occurred_at, id), so that entries written meanwhile neither repeat nor hide older ones.
 */
export async function listAuditEntries(db: Db, actor: Actor, options: ListAuditEntriesOptions = {}) {
  // Only a platform admin (admin of a centre) reads the audit log; anyone else gets not_found.
  const centres = requireAdminCentres(actor);
  const [establishments, isOperator] = await Promise.all([
    managedEstablishmentIds(db, actor),
    isInstanceOperator(db, actor),
  ]);
  const scope = [...centres, ...establishments];
  const isMember = (userId: SQL | typeof auditLog.actorUserId) =>
    exists(
      db
        .select({ one: sql`1` })
        .from(memberships)
        .where(and(sql`${memberships.userId} = ${userId}`, inArray(memberships.organisationId, scope))),
    );
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
  const after = before
    ? sql`(${auditLog.occurredAt}, ${auditLog.id}) < (select a.occurred_at, a.id from audit_log a where a.id = ${before}::uuid)`
    : undefined;
  const targetUser = alias(users, "target_user");
  const establishment = alias(organisations, "establishment");

  const rows = await db
    .select({
      id: auditLog.id,
      occurredAt: auditLog.occurredAt,
      action: auditLog.action,
      actorName: sql<string | null>`coalesce(${users.name}, ${users.email}, ${users.username})`,
      actorEmail: users.email,
      // A person or an establishment by what the admin knows them as, anything else as stored.
      target: sql<
        string | null
      >`coalesce(${targetUser.email}, ${targetUser.username}, ${organisations.name}, ${auditLog.targetId})`,
      targetType: auditLog.targetType,
      targetName: sql<
        string | null
      >`coalesce(${targetUser.name}, ${targetUser.email}, ${targetUser.username}, ${organisations.name})`,
      organisationName: establishment.name,
      ipAddress: auditLog.ipAddress,
      userAgent: auditLog.userAgent,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(targetUser, and(eq(auditLog.targetType, "user"), sql`${targetUser.id} = ${targetUuid}`))
    .leftJoin(organisations, and(eq(auditLog.targetType, "organisation"), sql`${organisations.id} = ${targetUuid}`))
    .leftJoin(establishment, eq(establishment.id, auditLog.organisationId))
    .where(
      and(
        inScope,
        options.action ? eq(auditLog.action, options.action) : undefined,
        personIs(options.person, targetUser),
        ...onDays(options),
        after,
      ),
    )
    .orderBy(desc(auditLog.occurredAt), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1);
  const entries = rows.slice(0, AUDIT_PAGE_SIZE);

  return { entries, nextCursor: rows.length > AUDIT_PAGE_SIZE ? entries.at(-1)!.id : null };
}

/** Entries whose actor or target user has this text in their name, e-mail or username (LIKE metacharacters escaped). */
type PersonColumns = Record<"name" | "email" | "username", AnyPgColumn>;

function personIs(person: string | undefined, targetUser: PersonColumns) {
  if (!person) return undefined;
  const pattern = `%${person.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const matches = (user: PersonColumns) =>
    sql`(lower(coalesce(${user.name}, '')) like ${pattern} or lower(coalesce(${user.email}, '')) like ${pattern} or lower(coalesce(${user.username}, '')) like ${pattern})`;

  return or(matches(users), matches(targetUser));
}

/** From the start of the first Paris day to the end of the last, both included. */
function onDays({ from, to }: Pick<ListAuditEntriesOptions, "from" | "to">): SQL[] {
  return [
    ...(from ? [sql`${auditLog.occurredAt} >= (${from}::date::timestamp at time zone 'Europe/Paris')`] : []),
    ...(to ? [sql`${auditLog.occurredAt} < ((${to}::date + 1)::timestamp at time zone 'Europe/Paris')`] : []),
  ];
}
