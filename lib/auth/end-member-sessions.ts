import type { Db } from "@/db/client";
import { requireMemberInScope } from "@/lib/access/member-scope";
import { recordAudit } from "@/lib/audit/record-audit";
import { endUserSessions } from "./end-sessions";
import type { Actor } from "./load-actor";

/**
 * Ends every session of a member of an establishment the actor manages (or of one under their
 * centre, for a platform admin), on a shared ward PC left signed in or a lost phone: the person
 * signs in again; nothing else changes. Who may act on whom is lib/access's rule
 * (requireMemberInScope): the actor themselves and anyone out of scope are not_found.
 */
export async function endMemberSessions(
  db: Db,
  options: { actor: Actor; userId: string; organisationId: string },
): Promise<{ ended: number }> {
  const { actor, userId, organisationId } = options;
  const member = await requireMemberInScope(db, actor, { userId, organisationId });

  const ended = await endUserSessions(db, { userId });
  await recordAudit(db, {
    action: "sessions.ended",
    actorUserId: actor.userId,
    organisationId: member.membership?.organisationId ?? organisationId,
    targetType: "user",
    targetId: userId,
    details: { scope: "member", ended },
  });

  return { ended };
}
