// The HTML body of an exercise message is written by course authors and sent as is, so it is
// checked against a short allow-list rather than cleaned: no script, no form, no image, no
// style that loads anything, and a single link, the exercise's.
const ALLOWED_TAGS = new Set([
  "p",
  "br",
  "a",
  "strong",
  "em",
  "b",
  "i",
  "u",
  "span",
  "div",
  "ul",
  "ol",
  "li",
  "hr",
  "small",
  "h1",
  "h2",
  "h3",
  "table",
  "thead",
  "tbody",
  "tr",
  "td",
  "th",
  "blockquote",
]);
const VOID_TAGS = new Set(["br", "hr"]);
const ALLOWED_ATTRIBUTES = new Set([
  "style",
  "href",
  "align",
  "width",
  "border",
  "cellpadding",
  "cellspacing",
  "role",
  "lang",
  "title",
]);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'))?)*)\s*(\/?)>/g;
const ATTRIBUTE = /([a-zA-Z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'))?/g;
// CSS that fetches (url(), @import) or runs (expression(), javascript:) anything.
const UNSAFE_STYLE = /url\s*\(|@import|expression\s*\(|javascript:|behavior\s*:/i;

/** Why an exercise message's HTML is not safe to send, or nothing when it is. */
export function checkMessageHtml(html: string): string[] {
  const problems: string[] = [];
  const open: string[] = [];
  const rest = html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(TAG, (_tag, closing: string, rawName: string, attributes: string) => {
      const name = rawName.toLowerCase();
      if (!ALLOWED_TAGS.has(name)) {
        problems.push(`<${name}> is not allowed (allowed: ${[...ALLOWED_TAGS].join(", ")})`);
        return "";
      }
      if (closing) {
        if (open.pop() !== name) problems.push(`</${name}> does not close the element opened last`);
        return "";
      }
      problems.push(...checkAttributes(name, attributes));
      if (!VOID_TAGS.has(name)) open.push(name);

      return "";
    });
  if (/[<>]/.test(rest)) problems.push('has a "<" or ">" outside a well-formed tag (write &lt; or &gt; in text)');
  if (open.length > 0) problems.push(`<${open.join(">, <")}> not closed`);

  return problems;
}

function checkAttributes(tag: string, attributes: string): string[] {
  const problems: string[] = [];
  for (const [, rawName, double, single] of attributes.matchAll(ATTRIBUTE)) {
    const name = rawName!.toLowerCase();
    const value = double ?? single ?? "";
    if (!ALLOWED_ATTRIBUTES.has(name)) problems.push(`attribute ${name} on <${tag}> is not allowed`);
    else if (name === "href" && (tag !== "a" || value !== "{{lien}}"))
      problems.push(`a link may only point at {{lien}} (found href="${value}")`);
    else if (name === "style" && UNSAFE_STYLE.test(decodeEntities(value)))
      problems.push(`style on <${tag}> must not load or run anything`);
  }

  return problems;
}

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith("#x") || body.startsWith("#X")) return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
    if (body.startsWith("#")) return String.fromCodePoint(Number.parseInt(body.slice(1), 10));

    return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
  });
}

/** What a reader sees of the HTML body: tags dropped, entities decoded, spaces collapsed. */
export function visibleText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<(br|\/p|\/div|\/li|\/tr|\/h[1-3])\b[^>]*>/gi, " ")
    .replace(/<[^>]*>/g, "");

  return collapseSpaces(decodeEntities(text));
}

export function collapseSpaces(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, " ").trim();
}
