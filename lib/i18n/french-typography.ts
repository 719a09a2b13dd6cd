/** U+202F, the narrow no-break space French puts before ; : ! ? % and inside « ». */
const NNBSP = "\u202f";
const NBSP = "\u00a0";

// A French phone number as courses write it: 09 72 43 91 25 (also with dots).
const PHONE = /\b0[1-9](?:[ .]\d{2}){4}\b/g;

/**
 * French typography applied when text is shown, never stored: the course files and the message
 * catalogue keep plain spaces (and the courses their content hash), the reader sees no line
 * starting with « ? », « : », « % » or « » » and no phone number broken across two lines.
 */
export function frenchTypography(text: string): string {
  return text
    .replace(/[ \u00a0\u202f]+([;:!?%])/g, `${NNBSP}$1`)
    .replace(/«[ \u00a0\u202f]*/g, `«${NNBSP}`)
    .replace(/[ \u00a0\u202f]*»/g, `${NNBSP}»`)
    .replace(PHONE, (phone) => phone.replace(/ /g, NBSP));
}

/** The same rule over every text of a message catalogue, keeping its shape (and its type). */
export function withFrenchTypography<T>(catalogue: T): T {
  if (typeof catalogue === "string") return frenchTypography(catalogue) as T;
  if (typeof catalogue !== "object" || catalogue === null) return catalogue;

  return Object.fromEntries(Object.entries(catalogue).map(([key, value]) => [key, withFrenchTypography(value)])) as T;
}
