import { createHash } from "node:crypto";
import type { Db } from "@/db/client";
import { verificationTokens } from "@/db/schema";
import { renderMail } from "@/lib/mail/render-mail";
import { sendMail } from "@/lib/mail/send-mail";

export const MAGIC_LINK_MAX_AGE_SECONDS = 10 * 60;

/** The digest Auth.js keeps and looks a link's token up by: SHA-256 of token and secret, in hex. */
export function magicLinkTokenHash(token: string, secret: string): string {
  return createHash("sha256").update(`${token}${secret}`).digest("hex");
}

export type IssueMagicLinkOptions = {
  identifier: string;
  token: string;
  expires: Date;
  url: string;
  secret: string;
  now?: Date;
};

/**
 * Writes the link's token (as its digest: a copy of the table opens no account), then mails the
 * link. Runs after the response (lib/auth/index.ts), so that nothing an unknown address does
 * not get delays the answer; the token is written before the mail leaves, so the link works.
 */
export async function issueMagicLink(db: Db, options: IssueMagicLinkOptions): Promise<void> {
  await db.insert(verificationTokens).values({
    identifier: options.identifier,
    token: magicLinkTokenHash(options.token, options.secret),
    expires: options.expires,
  });
  await sendMagicLinkMail(db, { to: options.identifier, url: options.url, now: options.now });
}

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
