import { gzipSync } from "node:zlib";

export type PageJs = { kb_gz: number; inline_kb_gz: number; files: { src: string; kb_gz: number }[] };

/**
 * The JavaScript a modern browser downloads to show a page: every `<script src>` of its HTML
 * and `<link rel="preload" as="script">` except the `nomodule` ones (old browsers' polyfills, which
 * a modern browser skips), each gzipped at level 9 as a server would send it; and apart, the inline
 * scripts (Next.js's flight data, the player's resume check). KB of 1,000 bytes.
 */
export async function pageJs(baseUrl: string, path: string, headers: Record<string, string>): Promise<PageJs> {
  const response = await fetch(baseUrl + path, { headers, redirect: "manual" });
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  const html = await response.text();
  const files: PageJs["files"] = [];
  const seen = new Set<string>();
  let inline = "";
  for (const [, attributes = "", body = ""] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    if (/\bnomodule\b/i.test(attributes)) continue;
    const src = /\bsrc="([^"]+)"/.exec(attributes)?.[1];
    if (!src) {
      inline += body;
      continue;
    }
    if (seen.has(src)) continue;
    seen.add(src);
    files.push({ src, kb_gz: await gzippedKb(baseUrl, src.replace(/&amp;/g, "&"), headers) });
  }
  // Chunks the HTML only preloads (<link rel="preload" as="script">) are fetched too.
  for (const [tag] of html.matchAll(/<link\b[^>]*\bas="script"[^>]*>/g)) {
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (!href || seen.has(href)) continue;
    seen.add(href);
    files.push({ src: href, kb_gz: await gzippedKb(baseUrl, href.replace(/&amp;/g, "&"), headers) });
  }

  return {
    kb_gz: Math.round(files.reduce((sum, file) => sum + file.kb_gz, 0) * 10) / 10,
    inline_kb_gz: kb(gzipSync(inline, { level: 9 }).length),
    files: files.sort((a, b) => b.kb_gz - a.kb_gz),
  };
}

async function gzippedKb(baseUrl: string, src: string, headers: Record<string, string>): Promise<number> {
  const response = await fetch(new URL(src, baseUrl), { headers });
  if (!response.ok) throw new Error(`${src} answered ${response.status}`);

  return kb(gzipSync(Buffer.from(await response.arrayBuffer()), { level: 9 }).length);
}

function kb(bytes: number): number {
  return Math.round(bytes / 100) / 10;
}
