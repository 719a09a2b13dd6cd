import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { joinCodes, memberships, teams } from "@/db/schema";
import type { Actor } from "@/lib/auth/load-actor";
import { requireManagedEstablishment } from "@/lib/access/managed-establishments";
import { AppError } from "@/lib/errors";
import { generateJoinCode } from "./join-code-format";
import { recordAudit } from "@/lib/audit/record-audit";

const uuid = z.guid();

export type JoinCodeRow = {
  id: string;
  code: string;
  teamName: string | null;
  isActive: boolean;
  createdAt: Date;
  disabledAt: Date | null;
  joined: number;
};

/** The join codes of an establishment the actor manages, newest first, with how many joined with each. */
export async function listJoinCodes(db: Db, options: { actor: Actor; organisationId: string }): Promise<JoinCodeRow[]> {
  await requireManagedEstablishment(db, options.actor, options.organisationId);

  return db
    .select({
      id: joinCodes.id,
      code: joinCodes.code,
      teamName: teams.name,
      isActive: joinCodes.isActive,
      createdAt: joinCodes.createdAt,
      disabledAt: joinCodes.disabledAt,
      joined: sql<number>`(select count(*)::int from ${memberships} m where m.join_code_id = ${joinCodes.id})`,
    })
    .from(joinCodes)
    .leftJoin(teams, eq(teams.id, joinCodes.teamId))
    .where(eq(joinCodes.organisationId, options.organisationId))
    .orderBy(desc(joinCodes.createdAt), desc(joinCodes.id));
}

/** One join code of an establishment the actor manages (for its poster), or not_found. */
export async function getJoinCode(db: Db, options: { actor: Actor; organisationId: string; joinCodeId: string }) {
  const codes = await listJoinCodes(db, options);
  const found = codes.find((code) => code.id === options.joinCodeId);
  if (!found) throw new AppError("not_found");

  return found;
}

/**
 * Creates an active join code for an establishment the actor manages, or for one of its teams
 * (a team of another establishment is not_found). Audited.
 */
export async function createJoinCode(
  db: Db,
  options: { actor: Actor; organisationId: string; teamId?: string | null },
) {
  const establishment = await requireManagedEstablishment(db, options.actor, options.organisationId);
  const teamId = options.teamId || null;
  if (teamId) {
    const [team] = uuid.safeParse(teamId).success
      ? await db
          .select({ id: teams.id })
          .from(teams)
          .where(and(eq(teams.id, teamId), eq(teams.organisationId, establishment.id)))
      : [];
    if (!team) throw new AppError("not_found", "team of another establishment");
  }

  return db.transaction(async (tx) => {
    // 8·10^14 codes make a clash all but impossible; should one happen, draw again.
    let created: typeof joinCodes.$inferSelect | undefined;
    for (let attempt = 0; !created && attempt < 5; attempt++) {
      [created] = await tx
        .insert(joinCodes)
        .values({ organisationId: establishment.id, teamId, code: generateJoinCode(), createdBy: options.actor.userId })
        .onConflictDoNothing()
        .returning();
    }
    if (!created) throw new AppError("conflict", "no free join code");
    await recordAudit(tx, {
      action: "join_code_created",
      actorUserId: options.actor.userId,
      organisationId: establishment.id,
      targetType: "join_code",
      targetId: created.id,
      details: { teamId },
    });

    return created;
  });
}

/** Turns a join code of an establishment the actor manages off (or back on). Audited. */
export async function setJoinCodeActive(
  db: Db,
  options: { actor: Actor; organisationId: string; joinCodeId: string; isActive: boolean },
) {
  const establishment = await requireManagedEstablishment(db, options.actor, options.organisationId);
  if (!uuid.safeParse(options.joinCodeId).success) throw new AppError("not_found");

  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(joinCodes)
      .set({ isActive: options.isActive, disabledAt: options.isActive ? null : new Date() })
      .where(and(eq(joinCodes.id, options.joinCodeId), eq(joinCodes.organisationId, establishment.id)))
      .returning({ id: joinCodes.id, isActive: joinCodes.isActive });
    if (!updated) throw new AppError("not_found");
    const action = options.isActive ? "join_code_enabled" : "join_code_disabled";
    await recordAudit(tx, {
      action,
      actorUserId: options.actor.userId,
      organisationId: establishment.id,
      targetType: "join_code",
      targetId: updated.id,
    });

    return updated;
  });
}
