import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

let cached: string | undefined;

/**
 * The key that signs sessions: AUTH_SECRET when set (required with several instances), else a
 * random key kept next to the embedded database so that one machine works with no setup.
 */
export function getAuthSecret(): string {
  if (cached) return cached;
  const config = env();
  if (config.AUTH_SECRET) return (cached = config.AUTH_SECRET);

  const file = path.resolve(config.PGLITE_DIR, "..", "auth-secret");
  try {
    cached = readFileSync(file, "utf8").trim();
  } catch {
    cached = randomBytes(32).toString("base64url");
    mkdirSync(path.dirname(file), { recursive: true });
    // "wx" fails if another process wrote it first; then read theirs.
    try {
      writeFileSync(file, cached, { mode: 0o600, flag: "wx" });
    } catch {
      cached = readFileSync(file, "utf8").trim();
    }
  }

  return cached;
}
