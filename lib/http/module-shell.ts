import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { isCourseId } from "@/lib/courses/course-id";
import type { Locale } from "@/lib/i18n/locales";

const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g;

/** The module a learner's page address names (/modules/<id>, not its sub-routes), or null. */
export function moduleOfPage(pathname: string): string | null {
  return courseIdIn(/^\/modules\/([^/]+)$/, pathname);
}

/** The module of a shell's own address (/coquille/<language>/<id>), which only the proxy's rewrite should reach. */
export function moduleOfShell(pathname: string): string | null {
  return courseIdIn(/^\/coquille\/[a-z]{2}\/([^/]+)$/, pathname);
}

function courseIdIn(address: RegExp, pathname: string): string | null {
  const id = address.exec(pathname)?.[1];

  // A course id, and nothing else, may name the file read below.
  return id !== undefined && isCourseId(id) ? id : null;
}

/** Where the prerendered shell of a module's page is served from (app/(shell)/coquille/[langue]/[moduleId]). */
export function shellPath(locale: Locale, moduleId: string): string {
  return `/coquille/${locale}/${moduleId}`;
}

/** The catalogue's address, served from its own shell like a module's page. */
export const CATALOGUE_PAGE = "/modules";

/**
 * The prerendered shell that serves a learner's page in `locale`: /modules/<id> from
 * /coquille/<language>/<id>, the catalogue (/modules) from /coquille/<language>
 * (app/(shell)/coquille/[langue]/page.tsx); null for every other address.
 */
export function shellOfPage(pathname: string, locale: Locale): string | null {
  if (pathname === CATALOGUE_PAGE) return `/coquille/${locale}`;
  const moduleId = moduleOfPage(pathname);

  return moduleId ? shellPath(locale, moduleId) : null;
}

/**
 * The page a shell's own address serves (/coquille/<language>/<id>: /modules/<id>;
 * /coquille/<language>: the catalogue), which only the proxy's rewrite should reach; else null.
 * The catalogue's shell has no segment beside the module's, so no course id can name it.
 */
export function pageOfShell(pathname: string): string | null {
  const moduleId = moduleOfShell(pathname);
  if (moduleId) return `/modules/${moduleId}`;

  return /^\/coquille\/[a-z]{2}$/.test(pathname) ? CATALOGUE_PAGE : null;
}

const hashesByPage = new Map<string, Promise<string[] | null>>();

/**
 * The 'sha256-…' sources of the inline scripts of the prerendered HTML of `shell` (as shellOfPage
 * names it: the App Router's bootstrap and payload, fixed for a build), or null when the build
 * has no such page: an unknown module, or `next dev`, which prerenders nothing. Read from the build once per process, so that
 * the policy always matches the HTML this server sends, whatever build it is. That holds while no
 * shell is rendered again: revalidatePath("/", "layout") would (every shell carries the root
 * layout's tag), and a shell rendered at request time names the address asked for in its payload.
 */
export function shellScriptHashes(page: string): Promise<string[] | null> {
  let hashes = hashesByPage.get(page);
  if (!hashes) {
    hashes = readFile(path.join(process.cwd(), ".next", "server", "app", `${page}.html`), "utf8").then(
      inlineScriptHashes,
      () => null,
    );
    hashesByPage.set(page, hashes);
  }

  return hashes;
}

/** The CSP hash source of each inline script of `html`, in order, without repeats. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = [...html.matchAll(INLINE_SCRIPT)].map(
    ([, body]) => `'sha256-${createHash("sha256").update(body!, "utf8").digest("base64")}'`,
  );

  return [...new Set(hashes)];
}
