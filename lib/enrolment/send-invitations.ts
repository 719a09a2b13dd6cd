import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organisations, passwordResetTokens } from "@/db/schema";
import { hashResetToken } from "@/lib/auth/password-reset";
import { publicOrigin } from "@/lib/http/public-origin";
import { renderMail } from "@/lib/mail/render-mail";
import { sendMail } from "@/lib/mail/send-mail";

// Long enough for staff on nights or leave to find the message; the link still works only once.
export const INVITATION_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

export type InvitedAccount = { userId: string; name: string; email: string };

type Delivery = { organisationId: string; accounts: InvitedAccount[]; baseUrl?: string; now?: Date };

async function deliveryContext(db: Db, options: Delivery) {
  const [organisation] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, options.organisationId));

  return { organisationName: organisation?.name ?? "Votre établissement", baseUrl: options.baseUrl ?? publicOrigin() };
}

/**
 * Invites newly imported staff, through the same mail path as sign-in links: each message
 * carries a single-use link, valid 7 days, to choose a password (the password-reset page);
 * only a hash of its token is stored.
 */
export async function sendInvitations(db: Db, options: Delivery) {
  if (options.accounts.length === 0) return;
  const { organisationName, baseUrl } = await deliveryContext(db, options);
  const expiresAt = new Date((options.now ?? new Date()).getTime() + INVITATION_MAX_AGE_MS);

  for (const account of options.accounts) {
    const token = randomBytes(32).toString("base64url");
    await db
      .insert(passwordResetTokens)
      .values({ tokenHash: hashResetToken(token), userId: account.userId, expiresAt });
    const mail = renderMail({
      subject: "Votre accès à la sensibilisation à la cybersécurité",
      paragraphs: [
        `${organisationName} vous invite à suivre sur Vigie de courts modules de sensibilisation à la sécurité numérique (7 minutes chacun, sur un poste de service ou un téléphone).`,
        "Pour commencer, choisissez votre mot de passe avec le lien ci-dessous (valable 7 jours, une seule fois), puis connectez-vous avec votre adresse e-mail et ce mot de passe.",
        `Vous pouvez aussi vous connecter sans mot de passe : sur la page de connexion, saisissez votre adresse ${account.email} et demandez un lien de connexion.`,
      ],
      action: {
        label: "Choisir mon mot de passe",
        url: new URL(`/mot-de-passe/nouveau?jeton=${token}`, baseUrl).toString(),
      },
      note: "Si vous ne travaillez pas dans cet établissement, ignorez ce message.",
    });
    await sendMail(db, {
      ...mail,
      to: account.email,
      kind: "invitation",
      organisationId: options.organisationId,
      linkExpiresAt: expiresAt,
    });
  }
}

/**
 * Tells people who already had a Vigie account that an establishment invites them (as staff, or
 * as its manager): they sign in as themselves and accept or decline on "Mes invitations". The
 * link only leads there; it signs nobody in and grants nothing.
 */
export async function sendMembershipInvitations(db: Db, options: Delivery & { role?: "learner" | "manager" }) {
  if (options.accounts.length === 0) return;
  const { organisationName, baseUrl } = await deliveryContext(db, options);
  const offer =
    options.role === "manager"
      ? `${organisationName} vous propose de devenir gestionnaire de sa formation à la sécurité numérique sur Vigie, où vous avez déjà un compte.`
      : `${organisationName} vous invite à rejoindre ses équipes sur Vigie, où vous avez déjà un compte, pour suivre ses modules de sensibilisation à la sécurité numérique.`;

  for (const account of options.accounts) {
    const mail = renderMail({
      subject: `Invitation de ${organisationName} sur Vigie`,
      paragraphs: [
        offer,
        "Connectez-vous comme d'habitude, puis acceptez ou refusez l'invitation dans « Mes invitations » (valable 14 jours). Tant que vous ne l'avez pas acceptée, rien ne change pour vous.",
      ],
      action: { label: "Voir mes invitations", url: new URL("/invitations", baseUrl).toString() },
      note: "Si vous ne travaillez pas dans cet établissement, refusez l'invitation ou ignorez ce message.",
    });
    await sendMail(db, {
      ...mail,
      to: account.email,
      kind: "membership_invitation",
      organisationId: options.organisationId,
    });
  }
}
