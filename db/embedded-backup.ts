import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { folderHolder } from "./embedded-lock";

// A process holding an embedded database writes a backup of it when it receives this signal:
// only the same user (or root) can send it, and the request file says where to write.
const BACKUP_SIGNAL = "SIGUSR2";

type Dumpable = { dumpDataDir: (compression?: "gzip" | "none" | "auto") => Promise<Blob> };
type GlobalWithPglite = typeof globalThis & {
  __vigiePglite?: { client: Dumpable; dataDir: string };
  __vigieBackupsServed?: boolean;
};

function requestFileOf(dataDir: string): string {
  return `${dataDir}.backup-request`;
}

/** Writes a consistent copy of an open PGlite database (PGlite's own dump: a .tar.gz of its folder). */
export async function writeDump(client: Dumpable, target: string): Promise<void> {
  const blob = await client.dumpDataDir("gzip");
  const partial = `${target}.partial`;
  writeFileSync(partial, Buffer.from(await blob.arrayBuffer()), { mode: 0o600 });
  // Renamed once whole: whoever waits for the file never reads half of it.
  renameSync(partial, target);
}

/**
 * In the process that holds the embedded database (the app): on SIGUSR2, writes a backup where
 * `<folder>.backup-request` says. PGlite runs one statement at a time, so the dump sees a
 * consistent database while requests go on around it.
 */
export function serveEmbeddedBackups(): void {
  const store = globalThis as GlobalWithPglite;
  if (store.__vigieBackupsServed) return;
  store.__vigieBackupsServed = true;
  process.on(BACKUP_SIGNAL, () => {
    const open = store.__vigiePglite;
    if (!open) return void console.error("[db] backup asked, but no embedded database is open in this process");
    let target: string;
    try {
      target = (JSON.parse(readFileSync(requestFileOf(open.dataDir), "utf8")) as { target: string }).target;
    } catch {
      return void console.error("[db] backup asked without a readable request file");
    }
    writeDump(open.client, target).then(
      () => console.log(`[db] backup written to ${target}`),
      (error: unknown) => console.error("[db] backup failed:", error),
    );
  });
}

/**
 * Backs up an embedded database folder to `target`: through the process that holds it when one
 * does (the running app), otherwise by opening it here. Never copies a folder in use.
 */
export async function backupEmbedded(
  dataDir: string,
  target: string,
  options: { timeoutMs?: number } = {},
): Promise<"through-holder" | "opened"> {
  const absoluteTarget = path.resolve(target);
  rmSync(absoluteTarget, { force: true });
  const holder = folderHolder(dataDir);
  if (holder) {
    writeFileSync(requestFileOf(dataDir), JSON.stringify({ target: absoluteTarget }), { mode: 0o600 });
    process.kill(holder.pid, BACKUP_SIGNAL);
    const deadline = Date.now() + (options.timeoutMs ?? 120_000);
    while (!existsSync(absoluteTarget)) {
      if (Date.now() > deadline)
        throw new Error(
          `process ${holder.pid} holds ${dataDir} but wrote no backup (is it a Vigie server of this version?)`,
        );
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    rmSync(requestFileOf(dataDir), { force: true });

    return "through-holder";
  }

  const { createDb } = await import("./client");
  const handle = await createDb({ pgliteDir: dataDir });
  try {
    await writeDump((handle.db as unknown as { $client: Dumpable }).$client, absoluteTarget);
  } finally {
    await handle.close();
  }

  return "opened";
}
