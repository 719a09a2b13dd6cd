import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { appMode, env } from "@/lib/env";

let cached: string | undefined;

/**
 * The key that signs sessions and encrypts SSO client secrets: AUTH_SECRET, required in
 * production (shared by every instance); in demo mode only, a random key kept next to the
 * embedded database so that one machine works with no setup.
 */
export function getAuthSecret(): string {
  if (cached) return cached;
  const config = env();
  if (config.AUTH_SECRET) return (cached = config.AUTH_SECRET);
  // Start-up refuses this already; a per-instance key would split sessions and lose SSO secrets.
  if (appMode(config) === "production") throw new Error("AUTH_SECRET is required in production mode");

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
