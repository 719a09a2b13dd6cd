import { isWellFormedToken } from "./recipient-token";

/** More candidates than any real message holds: a paste full of links costs at most this many lookups. */
export const MAX_TOKENS_PER_REPORT = 5;

// An exercise link's path, /exercice/<43 base64url characters>, ended by anything that cannot
// continue a token (so that a longer run of such characters is not cut into a token).
const LINK = /\/exercice\/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g;

// The forms a pasted message may take besides plain text: a mail's source in quoted-printable
// (soft line breaks "=\n", "=" as "=3D"), and links rewritten by a mail gateway, which carry the
// original address percent-encoded (Outlook's safe links: ?url=https%3A%2F%2F...%2Fexercice%2F...).
function readings(text: string): string[] {
  const unwrapped = text.replace(/=\r?\n/g, "").replace(/=3D/gi, "=");
  const decoded = unwrapped.replace(/%2F/gi, "/");

  return [text, unwrapped, decoded];
}

/**
 * The exercise tokens a pasted message or link carries, at most `limit` (MAX_TOKENS_PER_REPORT
 * unless said), in the order they appear, each once. Only the shape is checked here: whether a
 * token is real, and whose, is for the database (lib/phishing/record-report.ts). A paste that is
 * nothing but a token counts too.
 */
export function findExerciseTokens(text: string, limit = MAX_TOKENS_PER_REPORT): string[] {
  const tokens = new Set<string>();
  const trimmed = text.trim();
  if (isWellFormedToken(trimmed)) tokens.add(trimmed);
  for (const reading of readings(text)) {
    for (const match of reading.matchAll(LINK)) {
      if (tokens.size >= limit) break;
      tokens.add(match[1]!);
    }
  }

  return [...tokens].slice(0, limit);
}
