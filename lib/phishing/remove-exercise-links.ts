import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { selectRows, text } from "@/lib/read-model/sql-rows";
import { findExerciseTokens } from "./find-exercise-tokens";
import { hashRecipientToken } from "./recipient-token";
import { REMOVED_EXERCISE_LINK, SUSPECT_MESSAGE_MAX_LENGTH } from "./suspect-message-text";

// Every token a paste can hold: each takes at least "/exercice/" and its 43 characters.
const MAX_TOKENS = Math.ceil(SUSPECT_MESSAGE_MAX_LENGTH / 53) + 1;

/**
 * A real report's text as it may reach the security contact: every link that carries the token of
 * a message Vigie really sent (whoever received it, whatever became of its exercise) is replaced by
 * REMOVED_EXERCISE_LINK, so that the contact opening it cannot count as that person's click.
 * Token-shaped strings that are no message's token stay: they are no exercise link, and the contact
 * may need them to judge a real attack. `removed` counts the distinct tokens taken out.
 */
export async function removeExerciseLinks(db: Db, pasted: string): Promise<{ text: string; removed: number }> {
  const candidates = findExerciseTokens(pasted, MAX_TOKENS);
  if (candidates.length === 0) return { text: pasted, removed: 0 };
  const byHash = new Map(candidates.map((token) => [hashRecipientToken(token), token]));
  const hashes = sql.join(
    [...byHash.keys()].map((hash) => sql`${hash}`),
    sql`, `,
  );
  const known = await selectRows(
    db,
    sql`select token_hash from phishing_recipients where token_hash in (${hashes})`,
    (row) => byHash.get(text(row, "token_hash"))!,
  );

  return { text: withoutLinksOf(pasted, known), removed: known.length };
}

// Where a link ends, on either side.
const DELIMITER = /[\s"'<>()]/;

/**
 * `pasted` with each of these tokens, and the link around it, replaced by REMOVED_EXERCISE_LINK.
 * The token is found in every form findExerciseTokens reads: plain, in a gateway's rewritten link
 * (percent-encoding leaves its characters as they are), and cut by quoted-printable's soft line
 * breaks ("=" at a line's end). The link around it runs to the nearest space, quote or bracket,
 * found by one scan each way (a regular expression with the link around would be quadratic in a
 * long run without spaces).
 */
export function withoutLinksOf(pasted: string, tokens: readonly string[]): string {
  let result = pasted;
  for (const token of tokens) {
    const spread = [...token].join("(?:=\\r?\\n)?");
    // Not inside a longer run of token characters, except after a percent-encoded "/" (%2F).
    const core = new RegExp(`(?<=^|[^A-Za-z0-9_-]|%2[Ff])${spread}(?![A-Za-z0-9_-])`, "g");
    let kept = "";
    let position = 0;
    for (const match of result.matchAll(core)) {
      let start = match.index;
      // A second occurrence inside a link already replaced goes with it.
      if (start < position) continue;
      while (start > position && !DELIMITER.test(result[start - 1]!)) start--;
      let end = match.index + match[0].length;
      while (end < result.length && !DELIMITER.test(result[end]!)) end++;
      kept += result.slice(position, start) + REMOVED_EXERCISE_LINK;
      position = end;
    }
    result = kept + result.slice(position);
  }

  return result;
}
