// Exercise messages must never point at a place that could exist: only names reserved by
// RFC 2606 / RFC 6761 (the .invalid and .example top-level domains, example.com/.net/.org).
const RESERVED = /(^|\.)(invalid|example|example\.com|example\.net|example\.org)$/;

// Dotted names ending in an extension an attachment may have are file names, not hosts.
const FILE_EXTENSIONS = new Set([
  "pdf",
  "doc",
  "docx",
  "xls",
  "xlsx",
  "odt",
  "ods",
  "txt",
  "csv",
  "jpg",
  "png",
  "htm",
  "html",
]);

// Scheme URLs, e-mail addresses and bare dotted names (agence.ameli.fr, www.x.fr); labels may carry
// accents so that a look-alike such as "sécurité.fr" is caught too.
const URL_HOST = /\b[a-z][a-z0-9+.-]*:\/\/([^\s/?#<>"'@]*@)?([^\s/?#<>"':]+)/giu;
const EMAIL_HOST = /[\p{L}\p{N}._%+-]+@([\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)/gu;
const DOTTED_NAME = /(?<![\p{L}\p{N}@.-])((?:[\p{L}\p{N}-]+\.)+(\p{L}{2,}))(?![\p{L}\p{N}@-])/gu;

/** True when a host name is one that cannot exist (reserved for documentation and tests). */
export function isReservedHost(host: string): boolean {
  return RESERVED.test(host.toLowerCase().replace(/\.$/, ""));
}

/** Every host named in a text (in URLs, e-mail addresses or bare) that could exist. */
export function findRealHosts(text: string): string[] {
  const hosts = new Set<string>();
  for (const match of text.matchAll(URL_HOST)) hosts.add(match[2]!);
  for (const match of text.matchAll(EMAIL_HOST)) hosts.add(match[1]!);
  for (const match of text.matchAll(DOTTED_NAME)) {
    if (!FILE_EXTENSIONS.has(match[2]!.toLowerCase())) hosts.add(match[1]!);
  }

  return [...hosts].filter((host) => !isReservedHost(host));
}
