// `npm start`: the production build served by Next.js's own request handler (the same one `next
// start` uses), in a server of ours so that Vigie decides what a stop and a failure look like:
// - SIGTERM/SIGINT: no new connections, kept-alive ones closed as soon as they are idle, the
//   requests in flight finished (at most 10 s), the database closed, exit 0 (`next start`
//   exits 143 and keeps answering on kept-alive connections meanwhile);
// - a page whose database is down or too slow answers 503 with Retry-After, not 500.
// Options as `next start`: -p/--port (default $PORT or 3000), -H/--hostname, --keepAliveTimeout.
import http from "node:http";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    port: { type: "string", short: "p" },
    hostname: { type: "string", short: "H" },
    keepAliveTimeout: { type: "string" },
  },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname;
const DRAIN_MS = 10_000;
// Closing the database and mail after the drain may itself hang (a vanished PGlite folder, a
// peer that never answers): past this, the process exits anyway, with status 1.
const CLOSE_MS = 5_000;
const RETRY_AFTER_SECONDS = "5";
// HSTS on every answer (pages, route handlers, static files) once the site's address is https,
// as lib/http/public-origin.ts decides for cookies; two years, subdomains included (ASVS 3.4.1).
// Here rather than in proxy.ts, which only sees pages.
const STRICT_TRANSPORT_SECURITY = isHttps(process.env.APP_URL) ? "max-age=63072000; includeSubDomains" : undefined;

process.env.NODE_ENV = "production";
const { default: next } = await import("next");
const app = next({ dev: false, hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();

// instrumentation.ts's onRequestError reports the requests that failed for want of a database.
const unavailable = new Set();
globalThis.__vigieMarkUnavailable = (id) => unavailable.add(String(id));
let nextRequestId = 0;
let stopping = false;

// After a busy spell V8 keeps the heap it grew, so the process would hold its peak for hours.
// Once no request has come for IDLE_GC_MS, what the app keeps only to go faster is dropped (the
// certificates' HarfBuzz: lib/startup/on-server-idle.ts), then one full collection gives the
// unused pages back (`npm start` passes --expose-gc; without it V8 collects in its own time).
const IDLE_GC_MS = 5_000;
let requestsInFlight = 0;
let lastRequestAt = 0;
let collectedSinceLastRequest = true;
setInterval(() => {
  if (collectedSinceLastRequest || requestsInFlight > 0 || Date.now() - lastRequestAt < IDLE_GC_MS) return;
  collectedSinceLastRequest = true;
  for (const release of globalThis.__vigieIdleReleases ?? []) {
    try {
      release();
    } catch (error) {
      console.error("[vigie] error while releasing idle memory:", error);
    }
  }
  globalThis.gc?.();
}, 1_000).unref();

const server = http.createServer((request, response) => {
  const id = String(++nextRequestId);
  requestsInFlight += 1;
  lastRequestAt = Date.now();
  collectedSinceLastRequest = false;
  // Set by us on every request, so that a client cannot pick another request's id.
  request.headers["x-vigie-request"] = id;
  // The client's address (lib/http/client-address.ts), overwriting any sent, from the very first
  // request: instrumentation.ts stamps it too, but only once Next.js has loaded it.
  request.headers["x-vigie-peer-address"] = request.socket.remoteAddress ?? "unknown";
  if (stopping) response.setHeader("Connection", "close");
  if (STRICT_TRANSPORT_SECURITY) response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  const writeHead = response.writeHead;
  response.writeHead = function (status, ...rest) {
    if (status === 500 && unavailable.has(id)) {
      status = 503;
      response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
      response.setHeader("Cache-Control", "no-store");
    }
    // Every page depends on its cookies (the language, the session), yet Next.js marks a
    // prerendered one (a module's shell) s-maxage for a year: no shared cache may keep a page.
    if (isPage(response) && /s-maxage|public/.test(String(response.getHeader("Cache-Control") ?? "")))
      response.setHeader("Cache-Control", "private, no-cache");
    return writeHead.call(this, status, ...rest);
  };
  response.once("close", () => {
    unavailable.delete(id);
    requestsInFlight -= 1;
  });
  handle(request, response);
});
server.keepAliveTimeout = Number(values.keepAliveTimeout ?? 65_000);
server.on("upgrade", (request, socket, head) => app.getUpgradeHandler()(request, socket, head));

/** An HTML page or its React Server Components payload, not a static file. */
function isPage(response) {
  const type = String(response.getHeader("Content-Type") ?? "");

  return type.startsWith("text/html") || type.startsWith("text/x-component");
}

async function stop(signal) {
  if (stopping) return;
  stopping = true;
  const started = Date.now();
  console.log(`[vigie] ${signal}: no new connections; finishing the requests in flight (at most ${DRAIN_MS / 1000} s)`);
  const closed = new Promise((resolve) => server.close(() => resolve(true)));
  // A kept-alive connection is closed as soon as it has no request in flight.
  server.closeIdleConnections();
  const idleSweep = setInterval(() => server.closeIdleConnections(), 50);
  const drained = await Promise.race([
    closed,
    new Promise((resolve) => setTimeout(() => resolve(false), DRAIN_MS).unref()),
  ]);
  clearInterval(idleSweep);
  if (!drained) {
    console.error(`[vigie] requests still running after ${DRAIN_MS / 1000} s: their connections are closed`);
    server.closeAllConnections();
  }
  const giveUp = setTimeout(() => {
    console.error(`[vigie] closing the database and mail took over ${CLOSE_MS / 1000} s: exiting anyway`);
    process.exit(1);
  }, CLOSE_MS);
  try {
    await globalThis.__vigieShutdown?.();
    await app.close?.();
  } catch (error) {
    console.error("[vigie] error while closing:", error);
  }
  clearTimeout(giveUp);
  console.log(`[vigie] stopped in ${Date.now() - started} ms`);
  process.exit(0);
}
function isHttps(address) {
  try {
    return new URL(address).protocol === "https:";
  } catch {
    return false;
  }
}

process.once("SIGTERM", () => void stop("SIGTERM"));
process.once("SIGINT", () => void stop("SIGINT"));

await app.prepare();
server.listen(port, hostname, () => {
  console.log(`[vigie] ready on http://${hostname ?? "localhost"}:${port}`);
});
