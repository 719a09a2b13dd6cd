import { type SQL, sql } from "drizzle-orm";

/** Any web address in a message's text or HTML (an HTML-escaped `&amp;` stays inside it). */
export const LINK_PATTERN = String.raw`https?://[^\s"'<>]+`;
export const REMOVED_LINK = "[lien retiré]";

/**
 * The value with every link replaced, computed by the database: the same expression serves the
 * insert of a message sent over SMTP and the purge of expired local-mailbox links.
 */
export const withoutLinks = (value: SQL | string): SQL =>
  sql`regexp_replace(${value}, ${LINK_PATTERN}, ${REMOVED_LINK}, 'g')`;
