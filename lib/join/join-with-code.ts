import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { joinCodes, memberships, passwordCredentials, users } from "@/db/schema";
import { type RequestOrigin, recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import { checkPassword } from "@/lib/auth/password-policy";
import { AppError } from "@/lib/errors";
import { checkPersonName } from "@/lib/people/person-name";
import { checkJoinCode } from "./check-join-code";
import { usernameSchema } from "./username";

export type JoinWithCodeOptions = {
  code: string;
  name: string;
  username: string;
  password: string;
  origin: RequestOrigin;
  now?: Date;
};

export type JoinWithCodeResult =
  | { status: "joined"; userId: string; organisationId: string }
  | { status: "invalid_code" }
  | { status: "throttled"; retryAfterSeconds: number }
  | { status: "username_taken" };

/**
 * Creates a learner account in the code's establishment (and team) with a username and a
 * password, in one transaction: a wrong, turned-off or throttled code, or a username or e-mail
 * already in use, creates nothing. Throws AppError bad_request for input the caller should
 * have validated (password policy, username format).
 */
export async function joinWithCode(db: Db, options: JoinWithCodeOptions): Promise<JoinWithCodeResult> {
  const username = usernameSchema.safeParse(options.username);
  if (!username.success) throw new AppError("bad_request", "username format");
  if (checkPassword(options.password)) throw new AppError("bad_request", "password policy");
  const checkedName = checkPersonName(options.name);
  if (!checkedName.ok) throw new AppError("bad_request", `name ${checkedName.problem}`);
  const { name } = checkedName;

  const check = await checkJoinCode(db, { code: options.code, origin: options.origin, now: options.now });
  if (check.status !== "ok") return check.status === "throttled" ? check : { status: "invalid_code" };
  const { target } = check;
  const passwordHash = await hashPassword(options.password);

  const result = await db.transaction(async (tx): Promise<JoinWithCodeResult> => {
    // Turned off while the newcomer was typing: refused like any turned-off code.
    const [stillActive] = await tx
      .select({ id: joinCodes.id })
      .from(joinCodes)
      .where(and(eq(joinCodes.id, target.joinCodeId), eq(joinCodes.isActive, true)));
    if (!stillActive) return { status: "invalid_code" };
    // No e-mail is taken here: nothing could prove the address is theirs, and an unproven
    // address would let an import or a promotion elsewhere attach someone else's account to it.
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username.data));
    if (taken) return { status: "username_taken" };
    // Two people racing for one identifier: the unique index decides, the loser is told it is taken.
    const [user] = await tx
      .insert(users)
      .values({ name, username: username.data })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!user) return { status: "username_taken" };
    await tx.insert(passwordCredentials).values({ userId: user.id, passwordHash });
    await tx.insert(memberships).values({
      userId: user.id,
      organisationId: target.organisationId,
      role: "learner",
      teamId: target.teamId,
      joinCodeId: target.joinCodeId,
    });

    return { status: "joined", userId: user.id, organisationId: target.organisationId };
  });
  if (result.status === "joined") {
    await recordAudit(db, {
      action: "join_code.joined",
      actorUserId: result.userId,
      organisationId: result.organisationId,
      origin: options.origin,
      targetType: "join_code",
      targetId: target.joinCodeId,
    });
  }

  return result;
}
