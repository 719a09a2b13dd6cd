const ligatures: Record<string, string> = { œ: "oe", Œ: "OE", æ: "ae", Æ: "AE", ß: "ss", ø: "o", Ø: "O", đ: "d", Đ: "D", ł: "l", Ł: "L" };

/** One part of a file name: ASCII letters, digits and hyphens only, accents dropped. */
function slugPart(value: string, max: number): string {
  return value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[œŒæÆßøØđĐłŁ]/g, (c) => ligatures[c]!)
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
  const base = parts.map((part) => slugPart(part, 60)).filter(Boolean).join("_");

  return `${base || fallback}.${extension}`;
}
