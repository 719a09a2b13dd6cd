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

const hashesByPage = new Map<string, Promise<string[] | null>>();

/**
 * The 'sha256-…' sources of the inline scripts of a shell's prerendered HTML (the App Router's
 * bootstrap and payload, fixed for a build), or null when the build has no such page: an unknown
 * module, or `next dev`, which prerenders nothing. Read from the build once per process, so that
 * the policy always matches the HTML this server sends, whatever build it is. That holds while no
 * shell is rendered again: revalidatePath("/", "layout") would (every shell carries the root
 * layout's tag), and a shell rendered at request time names the address asked for in its payload.
 */
export function shellScriptHashes(locale: Locale, moduleId: string): Promise<string[] | null> {
  const page = shellPath(locale, moduleId);
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
