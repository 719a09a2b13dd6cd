import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { getAuthSecret } from "@/lib/auth/secret";

const VERSION = "v1";
const IV_BYTES = 12;
// A purpose-bound key: the session key itself never encrypts anything but sessions.
const KEY_INFO = "vigie organisation_sso.client_secret";

function key(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "vigie-sso", KEY_INFO, 32));
}

/**
 * Encrypts an identity provider's client secret (AES-256-GCM, key derived from AUTH_SECRET with
 * HKDF): "v1.<iv>.<tag>.<ciphertext>" in base64url. Changing AUTH_SECRET makes it unreadable.
 */
export function encryptClientSecret(plain: string, secret = getAuthSecret()): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key(secret), iv);
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);

  return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

/** The client secret, or null when it was encrypted with another key or tampered with. */
export function decryptClientSecret(stored: string, secret = getAuthSecret()): string | null {
  const [version, iv, tag, ciphertext] = stored.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(secret), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));

    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
