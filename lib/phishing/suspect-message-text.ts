/** What a forwarded report shows where an exercise message's link was (lib/phishing/remove-exercise-links.ts). */
export const REMOVED_EXERCISE_LINK = "[lien d'exercice Vigie retiré]";

/** The most a report may paste: a whole message with its headers fits; a mailbox export does not. */
export const SUSPECT_MESSAGE_MAX_LENGTH = 20_000;

/**
 * A pasted text with line ends made "\n" and every other control character removed: PostgreSQL
 * refuses NUL in text, and none of them has a use in a message read by a person.
 */
export function withoutControlCharacters(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
}
