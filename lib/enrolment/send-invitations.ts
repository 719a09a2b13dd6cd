import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organisations, passwordResetTokens } from "@/db/schema";
import { hashResetToken } from "@/lib/auth/password-reset";
import { env } from "@/lib/env";
import { renderMail } from "@/lib/mail/render-mail";
import { sendMail } from "@/lib/mail/send-mail";

// Long enough for staff on nights or leave to find the message; the link still works only once.
export const INVITATION_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

export type InvitedAccount = { userId: string; name: string; email: string };

/**
 * Invites newly imported staff, through the same mail path as sign-in links: each message
 * carries a single-use link, valid 7 days, to choose a password (the password-reset page);
 * only a hash of its token is stored.
 */
export async function sendInvitations(db: Db, options: { organisationId: string; accounts: InvitedAccount[]; baseUrl?: string; now?: Date }) {
  if (options.accounts.length === 0) return;
  const [organisation] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, options.organisationId));
  const config = env();
  const baseUrl = options.baseUrl ?? config.APP_URL ?? `http://localhost:${config.PORT}`;
  const expiresAt = new Date((options.now ?? new Date()).getTime() + INVITATION_MAX_AGE_MS);

  for (const account of options.accounts) {
    const token = randomBytes(32).toString("base64url");
    await db.insert(passwordResetTokens).values({ tokenHash: hashResetToken(token), userId: account.userId, expiresAt });
    const mail = renderMail({
      subject: "Votre accès à la sensibilisation à la cybersécurité",
      paragraphs: [
        `${organisation?.name ?? "Votre établissement"} vous invite à suivre sur Vigie de courts modules de sensibilisation à la sécurité numérique (7 minutes chacun, sur un poste de service ou un téléphone).`,
        "Pour commencer, choisissez votre mot de passe avec le lien ci-dessous (valable 7 jours, une seule fois), puis connectez-vous avec votre adresse e-mail et ce mot de passe.",
        `Vous pouvez aussi vous connecter sans mot de passe : sur la page de connexion, saisissez votre adresse ${account.email} et demandez un lien de connexion.`,
      ],
      action: { label: "Choisir mon mot de passe", url: new URL(`/mot-de-passe/nouveau?jeton=${token}`, baseUrl).toString() },
      note: "Si vous ne travaillez pas dans cet établissement, ignorez ce message.",
    });
    await sendMail(db, { ...mail, to: account.email, kind: "invitation", organisationId: options.organisationId });
  }
}
