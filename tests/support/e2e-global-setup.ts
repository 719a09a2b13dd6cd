import { readdirSync, rmSync } from "node:fs";
import path from "node:path";

/** Removes the PGlite folders of earlier end-to-end runs (each run gets a new one). */
export default function globalSetup(): void {
  const dataDir = path.join(process.cwd(), ".data");
  const current = `e2e-${process.env.E2E_RUN_ID}`;
  let entries: string[] = [];
  try {
    entries = readdirSync(dataDir);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.startsWith("e2e-") && entry !== current)
      rmSync(path.join(dataDir, entry), { recursive: true, force: true });
  }
}
