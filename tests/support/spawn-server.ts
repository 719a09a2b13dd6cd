import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

export type SpawnedServer = { url: string; process: ChildProcess; output: () => string; stop: () => Promise<void> };

/** Starts another `next start` of the production build on a loopback port, with extra settings. */
export function spawnServer(port: number, env: Record<string, string>): SpawnedServer {
  const root = path.join(__dirname, "..", "..");
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "localhost", "--keepAliveTimeout", "65000"], {
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
