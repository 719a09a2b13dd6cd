import MarkdownIt from "markdown-it";
import { frenchTypography } from "@/lib/i18n/french-typography";

// Raw HTML is off: anything written as HTML in a course file comes out as text.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

const defaultLinkOpen =
  markdown.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));

// External links open in a new tab without giving it a handle on this one.
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const href = String(tokens[idx]!.attrGet("href") ?? "");
  if (/^https?:\/\//.test(href)) {
    tokens[idx]!.attrSet("target", "_blank");
    tokens[idx]!.attrSet("rel", "noopener noreferrer");
  }

  return defaultLinkOpen(tokens, idx, options, env, self);
};

// French spaces in the text a learner reads only: never inside link targets, code or markup.
markdown.core.ruler.push("french_typography", (state) => {
  for (const block of state.tokens) {
    for (const token of block.children ?? []) {
      if (token.type === "text") token.content = frenchTypography(token.content);
    }
  }
});

/** Markdown to HTML, with raw HTML escaped and only http(s), mailto and tel links kept. */
export function renderMarkdown(source: string): string {
  return markdown.render(source);
}

/** Words in a piece of Markdown, counting what a reader sees (not the syntax). */
export function countWords(source: string): number {
  const plain = source
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[#>*_`|~-]+/g, " ");

  return plain.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
