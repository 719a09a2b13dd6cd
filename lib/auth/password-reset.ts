import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { passwordCredentials, passwordResetTokens, users } from "@/db/schema";
import { type RequestOrigin, recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { renderMail } from "@/lib/mail/render-mail";
import { sendMail } from "@/lib/mail/send-mail";
import type { Defer } from "./defer";
import { endUserSessions } from "./end-sessions";
import { findActiveUserByEmail } from "./find-active-user";
import { type LinkRequestResult, takeLinkRequest } from "./link-request-limit";
import { hashPassword } from "./password";
import { checkPassword } from "./password-policy";
import { clearPasswordFailures } from "./sign-in-throttle";

export const RESET_TOKEN_MAX_AGE_MS = 30 * 60 * 1000;

/** "sent" whether or not the account exists; past the limits, when to ask again. */
export type ResetRequestResult =
  { status: "sent" } | { status: "throttled"; reason: "account" | "address"; retryAfterSeconds: number };

/** Only this digest is stored, so a copy of the table opens no account. */
export const hashResetToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Mails a single-use reset link valid 30 minutes to an existing, active user, within the link
 * limits (a few per address every 15 minutes, never counted as failed sign-ins); does nothing
 * else for an unknown address, so that the caller gives the same answer either way. The token
 * and the mail go through `defer` (after the response, in the app): before it, a known and an
 * unknown address take the same statements, so the answer's time tells nothing (review M13).
 */
export async function requestPasswordReset(
  db: Db,
  options: { email: string; baseUrl: string; origin: RequestOrigin; defer: Defer; now?: Date },
): Promise<ResetRequestResult> {
  const now = options.now ?? new Date();
  const email = options.email.trim().toLowerCase();
  const limit: LinkRequestResult = await takeLinkRequest(db, {
    kind: "password-reset",
    email,
    ipAddress: options.origin.ipAddress,
    now,
  });
  const user = limit.allowed ? await findActiveUserByEmail(db, email) : null;
  // The account is the actor when known; an unknown address is not kept (it may be anything typed).
  // After the response too: an unknown address's entry takes the anonymous audit limit, a known one's does not.
  await options.defer("password-reset-audit", () =>
    recordAudit(db, {
      action: "password_reset.requested",
      actorUserId: user?.id ?? null,
      origin: options.origin,
      details: { sent: !!user, throttled: !limit.allowed },
    }),
  );
  if (!limit.allowed) return { status: "throttled", reason: limit.reason, retryAfterSeconds: limit.retryAfterSeconds };
  if (user)
    await options.defer("password-reset", () =>
      sendResetLink(db, { userId: user.id, email: user.email, baseUrl: options.baseUrl, now }),
    );

  return { status: "sent" };
}

async function sendResetLink(
  db: Db,
  options: { userId: string; email: string; baseUrl: string; now: Date },
): Promise<void> {
  const { now } = options;
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + RESET_TOKEN_MAX_AGE_MS);
  await db.insert(passwordResetTokens).values({ tokenHash: hashResetToken(token), userId: options.userId, expiresAt });
  const url = new URL(`/mot-de-passe/nouveau?jeton=${token}`, options.baseUrl).toString();
  const mail = renderMail({
    subject: "Choisir un nouveau mot de passe Vigie",
    paragraphs: [
      "Vous avez demandé à changer le mot de passe de votre compte Vigie.",
      "Ce lien est valable 30 minutes et ne sert qu'une seule fois.",
    ],
    action: { label: "Choisir un nouveau mot de passe", url },
    note: "Si vous n'avez rien demandé, ignorez ce message : votre mot de passe actuel reste valable.",
  });
  await sendMail(db, { to: options.email, ...mail, kind: "password_reset", linkExpiresAt: expiresAt });
}

/** True when the token is known, unused and not expired (for showing the form). */
export async function isResetTokenUsable(db: Db, token: string, now = new Date()): Promise<boolean> {
  const [row] = await db
    .select({ userId: passwordResetTokens.userId })
    .from(passwordResetTokens)
    .where(
      and(
        eq(passwordResetTokens.tokenHash, hashResetToken(token)),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, now),
      ),
    );

  return !!row;
}

/**
 * Sets a new password with a reset token: the token is spent in the same transaction (so two
 * tabs cannot both use it), the user's other reset tokens with it, and every session of the
 * user ends (whoever held the old password is signed out everywhere). Throws AppError
 * `bad_request` for a password the policy refuses, `not_found` for a spent or expired token.
 */
export async function resetPassword(
  db: Db,
  options: { token: string; password: string; origin: RequestOrigin; now?: Date },
): Promise<{ userId: string }> {
  const now = options.now ?? new Date();
  const problem = checkPassword(options.password);
  if (problem) throw new AppError("bad_request", `password ${problem}`);
  const passwordHash = await hashPassword(options.password);

  const userId = await db.transaction(async (tx) => {
    const [spent] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordResetTokens.tokenHash, hashResetToken(options.token)),
          isNull(passwordResetTokens.usedAt),
          gt(passwordResetTokens.expiresAt, now),
        ),
      )
      .returning({ userId: passwordResetTokens.userId });
    if (!spent) throw new AppError("not_found", "reset token unknown, used or expired");
    const [active] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, spent.userId), eq(users.isActive, true)));
    if (!active) throw new AppError("not_found", "user deactivated");
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.userId, spent.userId), isNull(passwordResetTokens.usedAt)));
    await tx
      .insert(passwordCredentials)
      .values({ userId: spent.userId, passwordHash })
      .onConflictDoUpdate({ target: passwordCredentials.userId, set: { passwordHash, updatedAt: now } });

    await endUserSessions(tx, { userId: spent.userId });

    return spent.userId;
  });
  const [account] = await db
    .select({ email: users.email, username: users.username })
    .from(users)
    .where(eq(users.id, userId));
  await clearPasswordFailures(db, account?.email ?? account?.username ?? "");
  await recordAudit(db, { action: "password_reset.completed", actorUserId: userId, origin: options.origin });

  return { userId };
}
