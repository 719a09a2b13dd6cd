/** U+202F, the narrow no-break space French puts before ; : ! ? and inside « ». */
const NNBSP = "\u202f";
const NBSP = "\u00a0";

// A French phone number as courses write it: 09 72 43 91 25 (also with dots).
const PHONE = /\b0[1-9](?:[ .]\d{2}){4}\b/g;

/**
 * French typography applied when text is shown, never stored: the course files keep plain spaces
 * (and their content hash), the learner sees no line starting with « ? », « : » or « » » and no
 * phone number broken across two lines.
 */
export function frenchTypography(text: string): string {
  return text
    .replace(/[ \u00a0]+([;:!?])/g, `${NNBSP}$1`)
    .replace(/«[ \u00a0]*/g, `«${NNBSP}`)
    .replace(/[ \u00a0]*»/g, `${NNBSP}»`)
    .replace(PHONE, (phone) => phone.replace(/ /g, NBSP));
}
