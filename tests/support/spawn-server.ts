import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

export type SpawnedServer = { url: string; process: ChildProcess; output: () => string; stop: () => Promise<void> };

const root = path.join(__dirname, "..", "..");

/**
 * Starts another server of the production build on a loopback port, with extra settings, the
 * way `npm start` does (server.mjs); `viaNpm` runs `npm start` itself, to test what it passes on.
 */
export function spawnServer(
  port: number,
  env: Record<string, string>,
  options: { viaNpm?: boolean } = {},
): SpawnedServer {
  const args = ["-p", String(port), "-H", "localhost"];
  const child = options.viaNpm
    ? spawn("npm", ["start", "--silent", "--", ...args], {
        cwd: root,
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...env },
        stdio: ["ignore", "pipe", "pipe"],
      })
    : spawn(process.execPath, ["server.mjs", ...args], {
        cwd: root,
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...env },
        stdio: ["ignore", "pipe", "pipe"],
      });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));

  return {
    url: `http://localhost:${port}`,
    process: child,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Resolves with the exit code, or null if the process is still running after `ms`. */
export function waitForExit(child: ChildProcess, ms: number): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);

  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** Waits until the server answers /api/health (any status), or fails after `ms`. */
export async function waitForServer(server: SpawnedServer, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (server.process.exitCode !== null)
      throw new Error(`server exited (${server.process.exitCode}):\n${server.output()}`);
    const answered = await fetch(`${server.url}/api/health`).then(
      () => true,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server did not answer within ${ms} ms:\n${server.output()}`);
}
