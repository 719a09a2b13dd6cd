import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";

/** Another live process holds the embedded database's folder. */
export class EmbeddedDatabaseInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockOwner,
  ) {
    super(
      `La base embarquée ${dataDir} est déjà ouverte par le processus ${holder.pid} (${holder.command}, depuis ${holder.since}). ` +
        "Elle ne peut être ouverte que par un seul processus à la fois : arrêtez ce processus (Ctrl+C dans son terminal, ou " +
        `kill ${holder.pid}) puis relancez cette commande ; pour une sauvegarde pendant que l'application tourne, utilisez npm run db:backup. ` +
        `(The embedded database ${dataDir} is already open in process ${holder.pid}: stop it, then run this command again.)`,
    );
    this.name = "EmbeddedDatabaseInUseError";
  }
}

export type LockOwner = { pid: number; command: string; since: string };

/** The lock file of a PGlite folder: beside it, so that PGlite never sees it. */
export function lockFileOf(dataDir: string): string {
  return `${dataDir}.lock`;
}

/** Who holds the folder now, or null when nobody (a lock left by a dead process does not count). */
export function folderHolder(dataDir: string): LockOwner | null {
  let owner: LockOwner;
  try {
    owner = JSON.parse(readFileSync(lockFileOf(dataDir), "utf8")) as LockOwner;
  } catch {
    return null;
  }

  return isAlive(owner.pid) ? owner : null;
}

/**
 * Claims a PGlite folder for this process: creates `<folder>.lock` holding the pid, or fails
 * at once with EmbeddedDatabaseInUseError when a live process holds it. A lock left by a
 * process that died (kill -9, power loss) is taken over. Returns the release function.
 */
export function claimFolder(dataDir: string): () => void {
  const file = lockFileOf(dataDir);
  const owner: LockOwner = {
    pid: process.pid,
    command: process.argv.slice(1, 3).join(" ") || "node",
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // "wx": created only if absent, atomically, so two processes starting together cannot both win.
      const fd = openSync(file, "wx", 0o600);
      writeSync(fd, JSON.stringify(owner));
      closeSync(fd);
      const release = () => {
        process.off("exit", release);
        try {
          if (readFileSync(file, "utf8").includes(`"pid":${process.pid},`)) unlinkSync(file);
        } catch {}
      };
      process.on("exit", release);

      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = folderHolder(dataDir);
      if (holder) throw new EmbeddedDatabaseInUseError(dataDir, holder);
      // The holder is gone: remove its lock and try once more (another starter may win the race).
      try {
        unlinkSync(file);
      } catch {}
    }
  }
  const holder = folderHolder(dataDir);
  throw new EmbeddedDatabaseInUseError(dataDir, holder ?? { pid: 0, command: "?", since: "?" });
}

/** Whether a process with this pid is running and is a Node.js process (pids are reused). */
function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("node");
  } catch {
    // No /proc (macOS): trust the signal check.
    return true;
  }
}
