import anyAscii from "any-ascii";

/**
 * One part of a file name: ASCII letters, digits and hyphens only. Other scripts are
 * transliterated (any-ascii: Анна → Anna, Œ → Oe), so that a Cyrillic or Arabic name still
 * reads in the file list; the exact name is in the archive's index.
 */
function slugPart(value: string, max: number): string {
  return anyAscii(value.normalize("NFC"))
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/, "");
}

/**
 * A file name made of names typed by people, safe in a ZIP and on any disk: no path
 * separators, dots, control or odd characters (so no "../" and nothing a shell or Windows
 * minds), at most about 150 characters, never empty.
 */
export function safeFileName(parts: string[], extension: string, fallback = "certificat"): string {
  const base = parts
    .map((part) => slugPart(part, 60))
    .filter(Boolean)
    .join("_");

  return `${base || fallback}.${extension}`;
}
