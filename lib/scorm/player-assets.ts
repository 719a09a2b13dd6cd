import { readFileSync } from "node:fs";
import path from "node:path";
import { messages } from "@/lib/i18n/messages";

/** Where the packaged player's files sit in every package, next to the modules' folders. */
export const PLAYER_FOLDER = "player";

const FONTS = "node_modules/@expo-google-fonts/open-sans";

/**
 * The files the player's assets are read from, from the app root (as certificate fonts): the
 * production build copies them only if next.config.mjs's outputFileTracingIncludes names them
 * (tests/unit/scorm-tracing.test.ts holds the two together).
 */
export const PLAYER_SOURCES = {
  css: "app/globals.css",
  playerCss: "lib/scorm/player/player.css",
  // The same file lib/progress imports.
  quizRules: "lib/progress/quiz-rules.js",
  playerJs: "lib/scorm/player/player.js",
  fontRegular: `${FONTS}/400Regular/OpenSans_400Regular.ttf`,
  fontBold: `${FONTS}/700Bold/OpenSans_700Bold.ttf`,
  fontLicence: `${FONTS}/LICENSE_FONT`,
};

let cached: Map<string, Uint8Array> | undefined;

/**
 * The player's files, shared by every module of a package: Vigie's own stylesheet, French message
 * catalogue and quiz rules (one home for each), the script, and the Open Sans font with its
 * licence, so that nothing is fetched from outside the package.
 */
export function playerAssets(): Map<string, Uint8Array> {
  if (cached) return cached;
  const source = (file: string) => readFileSync(path.join(process.cwd(), file));
  const read = (file: string) => new Uint8Array(source(file));
  const text = (content: string) => new TextEncoder().encode(content);
  const catalogue = { player: messages.fr.player, scormPlayer: messages.fr.scormPlayer };

  cached = new Map([
    [`${PLAYER_FOLDER}/vigie.css`, read(PLAYER_SOURCES.css)],
    [`${PLAYER_FOLDER}/player.css`, read(PLAYER_SOURCES.playerCss)],
    [`${PLAYER_FOLDER}/quiz-rules.js`, text(classicScript(source(PLAYER_SOURCES.quizRules).toString("utf8")))],
    [`${PLAYER_FOLDER}/player.js`, read(PLAYER_SOURCES.playerJs)],
    [`${PLAYER_FOLDER}/messages.js`, text(`window.VIGIE_MESSAGES = ${JSON.stringify(catalogue)};\n`)],
    [`${PLAYER_FOLDER}/fonts/OpenSans-Regular.ttf`, read(PLAYER_SOURCES.fontRegular)],
    [`${PLAYER_FOLDER}/fonts/OpenSans-Bold.ttf`, read(PLAYER_SOURCES.fontBold)],
    [`${PLAYER_FOLDER}/fonts/OFL.txt`, read(PLAYER_SOURCES.fontLicence)],
  ]);

  return cached;
}

/**
 * An ES module of top-level `export function`s as a classic script that sets
 * window.VIGIE_QUIZ_RULES: the player is plain scripts, since an LMS may serve the package from
 * anywhere, and module scripts do not load from a file:// page.
 */
export function classicScript(source: string): string {
  const names = [...source.matchAll(/^export function (\w+)/gm)].map((match) => match[1]!);
  const body = source.replace(/^export function /gm, "function ");
  if (/^\s*(import|export)\b/m.test(body)) throw new Error("quiz rules: only `export function` is supported");

  return `window.VIGIE_QUIZ_RULES = (function () {
  "use strict";
${body}
  return { ${names.map((name) => `${name}: ${name}`).join(", ")} };
})();
`;
}

/** The launch page of one module: Vigie's markup shell, the player and the module's data, all relative. */
export function launchPage(title: string): string {
  const escaped = title.replace(/&/g, "&amp;").replace(/</g, "&lt;");

  return `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escaped}</title>
    <link rel="stylesheet" href="../${PLAYER_FOLDER}/vigie.css" />
    <link rel="stylesheet" href="../${PLAYER_FOLDER}/player.css" />
  </head>
  <body>
    <main id="contenu" class="site-main">
      <p id="lms-status" class="save-status" role="status"></p>
      <div id="player" class="player">
        <noscript><p>${messages.fr.scormPlayer.noScript}</p></noscript>
      </div>
    </main>
    <script src="module.js"></script>
    <script src="../${PLAYER_FOLDER}/messages.js"></script>
    <script src="../${PLAYER_FOLDER}/quiz-rules.js"></script>
    <script src="../${PLAYER_FOLDER}/player.js"></script>
  </body>
</html>
`;
}
