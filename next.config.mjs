import { PHASE_PRODUCTION_SERVER } from "next/constants.js";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/** @type {import("next").NextConfig} */
export const nextConfig = {
  poweredByHeader: false,
  // Metadata in the <head> for every browser, not streamed: a page that ends in notFound() then
  // has the not-found page's title, not its own (streamed metadata kept the page's).
  htmlLimitedBots: /.*/,
  // Staff lists (CSV, at most 2 MB: lib/enrolment/parse-roster.ts) arrive through a server action.
  // globalNotFound: with several root layouts (app/(site)/ and the prerendered module shell's),
  // an address that matches nothing gets Vigie's own page (app/global-not-found.tsx), not Next's.
  // preloadEntriesOnStart: a route's code is loaded when first asked for, not every route's at
  // start: a server that learners use never holds the managers' and the centre's pages
  // (docs/performance.md, « Session 15 »).
  experimental: {
    serverActions: { bodySizeLimit: "3mb" },
    globalNotFound: true,
    preloadEntriesOnStart: false,
  },
  // PGlite loads its wasm/data files by URL; bundling breaks that under webpack (STACK.md §4).
  // The server-only libraries after it are loaded once from node_modules rather than copied into
  // each route's bundle: less code held per process (docs/performance.md, « Whole sessions »).
  serverExternalPackages: [
    "@electric-sql/pglite",
    "markdown-it",
    "yaml",
    "pdf-lib",
    "@pdf-lib/fontkit",
    "nodemailer",
    "fflate",
    "papaparse",
    "iconv-lite",
    "any-ascii",
    "csv-stringify",
    "oauth4webapi",
    "otpauth",
    "qrcode",
    "ipaddr.js",
    "zod",
  ],
  // Migrations and course content are read from disk at run time.
  outputFileTracingIncludes: {
    "/**": ["./db/migrations/**/*", "./courses/**/*"],
    // Certificate fonts and the font subsetter are read from disk by path (lib/certificates/).
    "/api/certificats/**": [
      "./node_modules/@expo-google-fonts/open-sans/{400Regular,700Bold}/*.ttf",
      "./node_modules/dejavu-fonts-ttf/ttf/DejaVuSans{,-Bold}.ttf",
      "./node_modules/harfbuzzjs/dist/harfbuzz-subset.wasm",
    ],
    // SCORM packages put the player, the quiz rules, Vigie's stylesheet and Open Sans in the ZIP
    // (lib/scorm/player-assets.ts's PLAYER_SOURCES; tests/unit/scorm-tracing.test.ts checks this list).
    "/{modules,parcours}/**": [
      "./lib/scorm/player/*",
      "./lib/progress/quiz-rules.js",
      "./app/globals.css",
      "./node_modules/@expo-google-fonts/open-sans/{400Regular,700Bold}/*.ttf",
      "./node_modules/@expo-google-fonts/open-sans/LICENSE_FONT",
    ],
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Verification pages answer anyone with a code; search engines must not list them.
      { source: "/certificat/:code*", headers: [{ key: "X-Robots-Tag", value: "noindex, nofollow" }] },
    ];
  },
};

/**
 * next-intl's plugin only points the bundler at lib/i18n/request.ts, so the server that `npm start`
 * runs does without it: its module loads SWC's native compiler and a file watcher (about 40 MB
 * resident) at require time. This file is plain JavaScript for the same reason: a next.config.ts
 * is compiled with SWC at every start on Node 20.
 * @param {string} phase
 */
export default async function config(phase) {
  if (phase === PHASE_PRODUCTION_SERVER) return nextConfig;
  const { default: createNextIntlPlugin } = await import("next-intl/plugin");
  return createNextIntlPlugin("./lib/i18n/request.ts")(nextConfig);
}
