/**
 * The SCORM routes read the player's files from disk (lib/scorm/player-assets.ts): the production
 * build ships them only if next.config.mjs's outputFileTracingIncludes names them for those routes.
 * This matches both with the matcher Next's build uses (a build's .nft.json files are the proof,
 * but a build is too slow for a unit test).
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { nextConfig } from "@/next.config.mjs";
import { PLAYER_SOURCES } from "@/lib/scorm/player-assets";

type Matcher = (glob: string, options?: { dot?: boolean; contains?: boolean }) => (path: string) => boolean;
const picomatch = createRequire(import.meta.url)("next/dist/compiled/picomatch") as Matcher;

// The routes as Next names them for tracing (app paths without their route groups).
const ROUTES = ["/modules/[moduleId]/scorm", "/parcours/[pathId]/scorm"];

describe("the production build's file tracing", () => {
  it.each(ROUTES)("copies every file the player is built from for %s", (route) => {
    const includes = Object.entries(nextConfig.outputFileTracingIncludes ?? {})
      .filter(([routes]) => picomatch(routes, { dot: true, contains: true })(route))
      .flatMap(([, files]) => files.map((file) => picomatch(file.replace(/^\.\//, ""), { dot: true })));
    for (const file of Object.values(PLAYER_SOURCES)) {
      expect(
        includes.some((matches) => matches(file)),
        file,
      ).toBe(true);
    }
  });
});
