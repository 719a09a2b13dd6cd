/**
 * Decrypting the session JWT costs about 1 ms of CPU (a key derivation and an AES decryption)
 * on every request. The same token always decrypts to the same subject, so decrypted tokens
 * are kept, up to their expiry, in a bounded map (oldest evicted first).
 */
const MAX_ENTRIES = 5_000;
const entries = new Map<string, { sub: string; expiresAtMs: number }>();

export function cachedSubject(token: string, nowMs = Date.now()): string | null {
  const entry = entries.get(token);
  if (!entry) return null;
  if (entry.expiresAtMs <= nowMs) {
    entries.delete(token);
    return null;
  }

  return entry.sub;
}

export function rememberSubject(token: string, sub: string, expiresAtMs: number): void {
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  entries.set(token, { sub, expiresAtMs });
}
