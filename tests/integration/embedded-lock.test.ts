import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "@/db/client";
import { EmbeddedDatabaseInUseError, claimFolder, lockFileOf } from "@/db/embedded-lock";

const work = mkdtempSync(path.join(tmpdir(), "vigie-lock-test-"));

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Another Node process that claims the folder and keeps running until killed. */
async function holderProcess(dataDir: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "-e",
      `require("./db/embedded-lock").claimFolder(${JSON.stringify(dataDir)}); console.log("held"); setInterval(() => {}, 1000);`,
    ],
    {
      cwd: path.join(__dirname, "..", ".."),
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("held") && resolve());
    child.once("exit", (code) => reject(new Error(`holder exited with ${code}`)));
  });

  return child;
}

describe("the embedded database's single opener", () => {
  it("refuses a second process at once, naming the one that holds the folder", async () => {
    const dataDir = path.join(work, "held");
    const holder = await holderProcess(dataDir);
    try {
      const started = Date.now();
      const opening = createDb({ pgliteDir: dataDir });
      await expect(opening).rejects.toThrow(EmbeddedDatabaseInUseError);
      await expect(opening).rejects.toThrow(`déjà ouverte par le processus ${holder.pid}`);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      holder.kill("SIGKILL");
      await new Promise((resolve) => holder.once("exit", resolve));
    }
    // The holder died without releasing: its lock is stale and is taken over.
    const release = claimFolder(dataDir);
    release();
    expect(existsSync(lockFileOf(dataDir))).toBe(false);
  }, 120_000);

  it("refuses the same folder twice in one process, and frees it on close", async () => {
    const dataDir = path.join(work, "twice");
    const handle = await createDb({ pgliteDir: dataDir });
    await expect(createDb({ pgliteDir: dataDir })).rejects.toThrow(EmbeddedDatabaseInUseError);
    await handle.close();
    expect(existsSync(lockFileOf(dataDir))).toBe(false);
    claimFolder(dataDir)();
  }, 120_000);

  it("takes over a lock whose pid is not a running process", () => {
    const dataDir = path.join(work, "stale");
    writeFileSync(
      lockFileOf(dataDir),
      JSON.stringify({ pid: 2 ** 22 + 12345, command: "next start", since: "2026-01-01T00:00:00Z" }),
    );
    const release = claimFolder(dataDir);
    release();
    expect(existsSync(lockFileOf(dataDir))).toBe(false);
  });
});
