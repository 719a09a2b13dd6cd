/** What every Vigie e-mail says: a greeting, a few paragraphs, one button-like link, a note. */
export type MailContent = {
  subject: string;
  paragraphs: string[];
  action: { label: string; url: string };
  note: string;
  /** The reader's language; French unless said otherwise. */
  locale?: "fr" | "en";
};

export type RenderedMail = { subject: string; text: string; html: string };

export const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const frame = {
  fr: {
    greeting: "Bonjour,",
    fallback: "Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :",
  },
  en: { greeting: "Hello,", fallback: "If the button does not work, copy this address into your browser:" },
} as const;

/** Plain text first (read by every client), and a simple HTML version with the same words. */
export function renderMail(content: MailContent): RenderedMail {
  const locale = content.locale ?? "fr";
  const words = frame[locale];
  const text = [
    words.greeting,
    ...content.paragraphs,
    `${content.action.label}${locale === "fr" ? " :" : ":"}\n${content.action.url}`,
    content.note,
    "— Vigie",
  ].join("\n\n");
  const paragraphs = content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n");
  const url = escapeHtml(content.action.url);
  const html = `<!doctype html>
<html lang="${locale}"><body style="font-family: Arial, sans-serif; color: #1e293b; line-height: 1.5">
<p>${words.greeting}</p>
${paragraphs}
<p><a href="${url}" style="display: inline-block; padding: 10px 16px; background: #0b4f6c; color: #ffffff; text-decoration: none; border-radius: 6px">${escapeHtml(content.action.label)}</a></p>
<p style="font-size: 14px">${words.fallback}<br>${url}</p>
<p style="font-size: 14px; color: #475569">${escapeHtml(content.note)}</p>
<p>— Vigie</p>
</body></html>`;

  return { subject: content.subject, text, html };
}
