import { LINK_PLACEHOLDER } from "./scenario-schema";

type MessageSource = { subject: string; text: string; html: string };

/**
 * The message one recipient gets: {{lien}} replaced by their link, as is in the text body and
 * HTML-escaped in the HTML body. Only http(s) links are accepted, so that a bad caller cannot
 * turn the exercise's link into a script.
 */
export function renderPhishingMessage(
  scenario: MessageSource,
  link: string,
): { subject: string; text: string; html: string } {
  if (!/^https?:\/\/[^\s"<>]+$/i.test(link))
    throw new Error(
      "renderPhishingMessage: the link must be an http(s) URL without spaces, double quotes or angle brackets",
    );

  return {
    subject: scenario.subject,
    text: scenario.text.replaceAll(LINK_PLACEHOLDER, () => link),
    html: scenario.html.replaceAll(LINK_PLACEHOLDER, () => escapeHtml(link)),
  };
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}
