import { escapeHtml } from "@/lib/mail/render-mail";
import { REMOVED_EXERCISE_LINK } from "@/lib/phishing/suspect-message-text";

export type SuspectMessageMailOptions = {
  reporter: { name: string; email: string | null };
  establishmentName: string;
  /** What the person pasted (control characters already removed, exercise links taken out). */
  pasted: string;
  at: Date;
  /** Whether links of Vigie's exercise messages were taken out of `pasted` (removeExerciseLinks). */
  exerciseLinksRemoved?: boolean;
};

/** The outbox's kind for these messages (the erasure finds them by it). */
export const SUSPECT_MESSAGE_MAIL_KIND = "suspect_message_report";

const parisDate = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "long", timeStyle: "short" });

// A name goes into a header line: nothing in it may start a new one.
const oneLine = (value: string) => value.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();

/** The subject, which names the reporter: the erasure of a person removes the messages that name them. */
export function suspectMessageMailSubject(reporterName: string): string {
  return `Message suspect signalé par ${oneLine(reporterName)}`;
}

/**
 * The message that takes a suspect message to the establishment's security contact, in French
 * (the establishment's language). The pasted text is quoted as plain text in both versions: in
 * the HTML one every character is escaped inside a <pre>, so no tag, link or image of the
 * suspect message is ever live in the contact's mail client.
 */
export function renderSuspectMessageMail(options: SuspectMessageMailOptions) {
  const name = oneLine(options.reporter.name);
  const who = options.reporter.email ? `${name} (${oneLine(options.reporter.email)})` : name;
  const establishment = oneLine(options.establishmentName);
  const intro = `${who}, de ${establishment}, vous signale par Vigie un message suspect, le ${parisDate.format(options.at)}.`;
  const caution = `Le texte collé suit, tel quel${options.exerciseLinksRemoved ? ", à ce lien près" : ""}. N'ouvrez pas ses liens ni ses pièces jointes depuis un poste de travail.`;
  const footer = `Vous recevez ce message parce que vous êtes le contact en cas d'incident de ${establishment} dans Vigie.`;
  // Says what the message is without saying whose: the link carried that person's token.
  const exercise = options.exerciseLinksRemoved
    ? `Ce message est un message d'exercice d'hameçonnage de Vigie, reçu par un collègue. Son lien personnel a été retiré du texte (« ${REMOVED_EXERCISE_LINK} ») : l'ouvrir aurait compté comme un clic de ce collègue, dont le nom n'est pas donné.`
    : null;
  const subject = suspectMessageMailSubject(name);
  const text = [
    "Bonjour,",
    intro,
    ...(exercise ? [exercise] : []),
    caution,
    "----- Message signalé -----",
    options.pasted,
    "----- Fin du message signalé -----",
    footer,
    "— Vigie",
  ].join("\n\n");
  const html = `<!doctype html>
<html lang="fr"><body style="font-family: Arial, sans-serif; color: #1e293b; line-height: 1.5">
<p>Bonjour,</p>
<p>${escapeHtml(intro)}</p>
${exercise ? `<p><strong>${escapeHtml(exercise)}</strong></p>\n` : ""}<p>${escapeHtml(caution)}</p>
<pre style="white-space: pre-wrap; word-break: break-word; border: 1px solid #94a3b8; padding: 12px; font-family: monospace">${escapeHtml(options.pasted)}</pre>
<p style="font-size: 14px; color: #475569">${escapeHtml(footer)}</p>
<p>— Vigie</p>
</body></html>`;

  return { subject, text, html };
}
