import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { type DbHandle, createDb } from "@/db/client";
import { migrateDb } from "@/db/migrate";

export type BenchServer = {
  url: string;
  pid: number;
  stop: () => Promise<void>;
  peakRssMb: () => number;
  rssMb: () => number;
};

const root = path.join(__dirname, "..", "..");

/** Builds the app if there is no production build yet. */
export function ensureBuild(): void {
  if (existsSync(path.join(root, ".next", "BUILD_ID"))) return;
  console.log("No production build: running npm run build…");
  execFileSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
}

/** The V8 flags `npm start` gives node (package.json), so that benches measure what runs in production. */
/** The production build, then the PostgreSQL that DATABASE_URL names, migrated: what every bench that writes starts from. */
export async function openBenchDatabase(): Promise<{ databaseUrl: string; handle: DbHandle }> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("Set DATABASE_URL to a PostgreSQL database (the bench writes to it).");
  ensureBuild();
  const handle = await createDb({ databaseUrl });
  await migrateDb(handle);

  return { databaseUrl, handle };
}

export function npmStartNodeArgs(): string[] {
  const start =
    (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts
      .start ?? "";

  return start.split(/\s+/).filter((word) => word.startsWith("--"));
}

/**
 * Starts Vigie as `npm start` serves it (server.mjs) on a loopback port against the PostgreSQL
 * in DATABASE_URL, waits for /api/health, and samples the server's resident memory every 200 ms.
 * `dir`: another Next.js application to serve with `next start` instead (bench/floor-app).
 */
export async function startServer(
  port: number,
  env: Record<string, string>,
  options: { dir?: string; nodeArgs?: string[] } = {},
): Promise<BenchServer> {
  // A server left over on the port would answer the health check and be measured instead.
  if (
    await fetch(`http://localhost:${port}/api/health`)
      .then(() => true)
      .catch(() => false)
  ) {
    throw new Error(`port ${port} is already in use: stop the server listening there first`);
  }
  // The same V8 flags as `npm start`, unless the bench measures others.
  const nodeArgs = options.nodeArgs ?? [
    ...npmStartNodeArgs(),
    ...(process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(" ") : []),
  ];
  const entry = options.dir ? ["node_modules/next/dist/bin/next", "start", options.dir] : ["server.mjs"];
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, ...entry, "-p", String(port), "-H", "localhost", "--keepAliveTimeout", "65000"],
    {
      cwd: root,
      // A benchmark is a trial: demo mode, which needs no mail server or public address.
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", VIGIE_MODE: "demo", ...env },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const url = `http://localhost:${port}`;
  for (let i = 0; i < 150; i++) {
    const ok = await fetch(`${url}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(child.pid!))), 200);

  return {
    url,
    pid: child.pid!,
    peakRssMb: () => Math.max(peak, rssMb(child.pid!)),
    rssMb: () => rssMb(child.pid!),
    stop: async () => {
      clearInterval(sampler);
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Resident memory of the server: the process and its children (`next start` runs the server in a child). */
function rssMb(pid: number): number {
  try {
    const rows = execFileSync("ps", ["-eo", "pid=,ppid=,rss="], { encoding: "utf8" })
      .trim()
      .split("\n")
      .map((line) => line.trim().split(/\s+/).map(Number) as [number, number, number]);
    const tree = processTree(pid, rows);
    const kb = rows.filter(([id]) => tree.has(id)).reduce((sum, [, , rss]) => sum + rss, 0);

    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

/** A process and its descendants, from `ps` rows of [pid, parent pid, …]; `ps` is read when no rows are given. */
export function processTree(rootPid: number, rows?: ReadonlyArray<readonly number[]>): Set<number> {
  const table =
    rows ??
    execFileSync("ps", ["-eo", "pid=,ppid="], { encoding: "utf8" })
      .trim()
      .split("\n")
      .map((line) => line.trim().split(/\s+/).map(Number));
  const tree = new Set([rootPid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [child, parent] of table) {
      if (tree.has(parent!) && !tree.has(child!)) {
        tree.add(child!);
        grew = true;
      }
    }
  }

  return tree;
}

// Linux reports process times in clock ticks of 1/100 s (USER_HZ).
const TICK_MS = 10;

/** CPU milliseconds (user + system) used so far by a process and its descendants, from /proc. */
export function processTreeCpuMs(rootPid: number): number {
  let ticks = 0;
  for (const pid of processTree(rootPid)) {
    try {
      // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended between ps and the read.
    }
  }
  return ticks * TICK_MS;
}

export type CpuPerRequest = { cpu_ms_per_request: number; wall_ms_per_request: number; html_bytes: number };

/**
 * The server's CPU and wall milliseconds per request over `requests` sent one at a time (each call
 * of `send` is one request and returns the body's length), after `warmUp` unmeasured ones.
 */
export async function measureCpuPerRequest(
  serverPid: number,
  send: (index: number) => Promise<number>,
  { warmUp, requests }: { warmUp: number; requests: number },
): Promise<CpuPerRequest> {
  let htmlBytes = 0;
  for (let i = 0; i < warmUp; i++) htmlBytes = await send(i);
  const cpuBefore = processTreeCpuMs(serverPid);
  const wallBefore = performance.now();
  for (let i = warmUp; i < warmUp + requests; i++) await send(i);

  return {
    cpu_ms_per_request: Math.round(((processTreeCpuMs(serverPid) - cpuBefore) / requests) * 100) / 100,
    wall_ms_per_request: Math.round(((performance.now() - wallBefore) / requests) * 100) / 100,
    html_bytes: htmlBytes,
  };
}

/** The machine's load averages over 1, 5 and 15 minutes, printed beside CPU figures. */
export function loadAverage(): number[] {
  return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).map(Number);
}

/** Signs a user in through Auth.js and returns the Cookie header of the session. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const response = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookie },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/modules" }),
  });
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c?.startsWith("authjs.session-token="));
  if (!session) throw new Error(`sign-in failed for ${email} (${response.status})`);

  return session;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);

  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
