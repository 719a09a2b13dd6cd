import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organisations } from "@/db/schema";
import { env } from "@/lib/env";
import { renderMail } from "@/lib/mail/render-mail";
import { sendMail } from "@/lib/mail/send-mail";

/** Invites newly imported staff to sign in, through the same mail path as sign-in links. */
export async function sendInvitations(db: Db, options: { organisationId: string; accounts: { name: string; email: string }[] }) {
  if (options.accounts.length === 0) return;
  const [organisation] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, options.organisationId));
  const config = env();
  const signIn = new URL("/connexion", config.APP_URL ?? `http://localhost:${config.PORT}`).toString();

  for (const account of options.accounts) {
    const mail = renderMail({
      subject: "Votre accès à la sensibilisation à la cybersécurité",
      paragraphs: [
        `${organisation?.name ?? "Votre établissement"} vous invite à suivre sur Vigie de courts modules de sensibilisation à la sécurité numérique (7 minutes chacun, sur un poste de service ou un téléphone).`,
        `Pour vous connecter, saisissez votre adresse ${account.email} et demandez un lien de connexion, ou choisissez un mot de passe avec « Mot de passe oublié ? ».`,
      ],
      action: { label: "Se connecter à Vigie", url: signIn },
      note: "Si vous ne travaillez pas dans cet établissement, ignorez ce message.",
    });
    await sendMail(db, { ...mail, to: account.email, kind: "invitation", organisationId: options.organisationId });
  }
}
