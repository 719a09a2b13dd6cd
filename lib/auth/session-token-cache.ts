/**
 * Decrypting the session JWT costs CPU (a key derivation and an AES decryption) on every
 * request. The same token always decrypts to the same claims, so decrypted tokens
 * are kept, up to their expiry, in a bounded map (oldest evicted first). This only saves the
 * decryption: whether the session is still live is asked of the database on every request.
 */
export type SessionClaims = { userId: string; sessionId: string };

const MAX_ENTRIES = 5_000;
const entries = new Map<string, { claims: SessionClaims; expiresAtMs: number }>();

export function cachedSession(token: string, nowMs = Date.now()): SessionClaims | null {
  const entry = entries.get(token);
  if (!entry) return null;
  if (entry.expiresAtMs <= nowMs) {
    entries.delete(token);
    return null;
  }

  return entry.claims;
}

export function rememberSession(token: string, claims: SessionClaims, expiresAtMs: number): void {
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  entries.set(token, { claims, expiresAtMs });
}
