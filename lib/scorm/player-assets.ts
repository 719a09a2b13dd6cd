import { readFileSync } from "node:fs";
import path from "node:path";
import { messages } from "@/lib/i18n/messages";

/** Where the packaged player's files sit in every package, next to the modules' folders. */
export const PLAYER_FOLDER = "player";

let cached: Map<string, Uint8Array> | undefined;

/**
 * The player's files, shared by every module of a package: Vigie's own stylesheet and French
 * message catalogue (one home for both), the script, and the Open Sans font with its licence, so
 * that nothing is fetched from outside the package. Read from the app root, as certificate fonts.
 */
export function playerAssets(): Map<string, Uint8Array> {
  if (cached) return cached;
  const root = process.cwd();
  const fonts = path.join(root, "node_modules/@expo-google-fonts/open-sans");
  const read = (file: string) => new Uint8Array(readFileSync(path.join(root, file)));
  const text = (content: string) => new TextEncoder().encode(content);
  const catalogue = { player: messages.fr.player, scormPlayer: messages.fr.scormPlayer };

  cached = new Map([
    [`${PLAYER_FOLDER}/vigie.css`, read("app/globals.css")],
    [`${PLAYER_FOLDER}/player.css`, read("lib/scorm/player/player.css")],
    [`${PLAYER_FOLDER}/player.js`, read("lib/scorm/player/player.js")],
    [`${PLAYER_FOLDER}/messages.js`, text(`window.VIGIE_MESSAGES = ${JSON.stringify(catalogue)};\n`)],
    [
      `${PLAYER_FOLDER}/fonts/OpenSans-Regular.ttf`,
      new Uint8Array(readFileSync(path.join(fonts, "400Regular/OpenSans_400Regular.ttf"))),
    ],
    [
      `${PLAYER_FOLDER}/fonts/OpenSans-Bold.ttf`,
      new Uint8Array(readFileSync(path.join(fonts, "700Bold/OpenSans_700Bold.ttf"))),
    ],
    [`${PLAYER_FOLDER}/fonts/OFL.txt`, new Uint8Array(readFileSync(path.join(fonts, "LICENSE_FONT")))],
  ]);

  return cached;
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
    <script src="../${PLAYER_FOLDER}/player.js"></script>
  </body>
</html>
`;
}
