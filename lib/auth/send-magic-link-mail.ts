import type { Db } from "@/db/client";
import { renderMail } from "@/lib/mail/render-mail";
import { sendMail } from "@/lib/mail/send-mail";

export const MAGIC_LINK_MAX_AGE_SECONDS = 10 * 60;

/** The sign-in link e-mail, in French, through lib/mail. */
export async function sendMagicLinkMail(db: Db, options: { to: string; url: string; now?: Date }): Promise<void> {
  const mail = renderMail({
    subject: "Votre lien de connexion à Vigie",
    paragraphs: [
      "Vous avez demandé à vous connecter à Vigie, la plateforme de sensibilisation à la cybersécurité.",
      "Ce lien est valable 10 minutes et ne sert qu'une seule fois.",
    ],
    action: { label: "Se connecter à Vigie", url: options.url },
    note: "Si vous n'avez rien demandé, ignorez ce message : personne ne peut se connecter sans ce lien.",
  });
  const linkExpiresAt = new Date((options.now ?? new Date()).getTime() + MAGIC_LINK_MAX_AGE_SECONDS * 1000);
  await sendMail(db, { to: options.to, ...mail, kind: "magic_link", linkExpiresAt });
}
