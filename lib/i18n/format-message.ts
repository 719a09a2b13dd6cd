// The part of ICU message syntax Vigie's client-side texts use: `{name}` and
// `{name, plural, =N {…} one {…} other {…}}` with `#`. The player's pages format their few texts
// with this instead of shipping next-intl's client runtime and its ICU parser (about 15 KB gzipped
// of the module page's JavaScript, docs/performance.md). Server components keep next-intl.

export type MessageValues = Record<string, string | number>;

/** Formats `message` with `values`; an argument without a value is left as `{name}`. */
export function formatMessage(message: string, values: MessageValues, locale: string): string {
  return render(message, values, locale, undefined);
}

function render(text: string, values: MessageValues, locale: string, pound: number | undefined): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === "#" && pound !== undefined) {
      out += formatValue(pound, locale);
      continue;
    }
    if (char !== "{") {
      out += char;
      continue;
    }
    const end = matchingBrace(text, i);
    out += argument(text.slice(i + 1, end), values, locale);
    i = end;
  }

  return out;
}

function argument(body: string, values: MessageValues, locale: string): string {
  const [name = "", kind, ...rest] = body.split(",");
  const key = name.trim();
  const value = values[key];
  if (kind === undefined) return value === undefined ? `{${key}}` : formatValue(value, locale);
  if (kind.trim() !== "plural" || typeof value !== "number") return `{${key}}`;
  const branches = parseBranches(rest.join(","));
  const branch =
    branches.get(`=${value}`) ?? branches.get(new Intl.PluralRules(locale).select(value)) ?? branches.get("other");

  return branch === undefined ? "" : render(branch, values, locale, value);
}

/** `one {…} other {…}` as a map from selector to text. */
function parseBranches(source: string): Map<string, string> {
  const branches = new Map<string, string>();
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf("{", i);
    if (open === -1) break;
    const selector = source.slice(i, open).trim();
    const close = matchingBrace(source, open);
    branches.set(selector, source.slice(open + 1, close));
    i = close + 1;
  }

  return branches;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i;
  }
  throw new Error(`unbalanced braces in message: ${text}`);
}

function formatValue(value: string | number, locale: string): string {
  return typeof value === "number" ? new Intl.NumberFormat(locale).format(value) : value;
}
