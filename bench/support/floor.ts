import { execFileSync } from "node:child_process";
import path from "node:path";
import { startServer } from "./bench-server";
import { CONNECTION_LEVELS, measurePages } from "./page-load";
import { pageJs } from "./page-js";

const root = path.join(__dirname, "..", "..");
const app = path.join("bench", "floor-app");

/** The floor application's pages (bench/floor-app/README.md). */
export const FLOOR_PAGES = {
  app_router_dynamic: "/dynamic",
  app_router_static: "/static",
  pages_router_ssr: "/ssr",
  pages_api_route: "/api/health",
} as const;

/**
 * Builds bench/floor-app, serves it like Vigie and measures `pages` at `levels` connections; also
 * the JavaScript its empty dynamic page ships (the framework's own share of any page's payload).
 */
export async function measureFloor(
  port: number,
  options: { seconds: number; pages?: Partial<typeof FLOOR_PAGES>; levels?: readonly number[] },
) {
  console.log("Building bench/floor-app…");
  execFileSync(process.execPath, ["node_modules/next/dist/bin/next", "build", app], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  const server = await startServer(port, {}, { dir: app });
  // Vigie's pages are asked for with its session cookie: the same size of request here.
  const headers = { cookie: `authjs.session-token=${"x".repeat(600)}` };
  try {
    const js = await pageJs(server.url, FLOOR_PAGES.app_router_dynamic, headers);
    const results = await measurePages(server.url, options.pages ?? FLOOR_PAGES, {
      seconds: options.seconds,
      headers,
      levels: options.levels ?? CONNECTION_LEVELS,
    });

    return { results, jsKbGz: js.kb_gz, peakRssMb: server.peakRssMb() };
  } finally {
    await server.stop();
  }
}
