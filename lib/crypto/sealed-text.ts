import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { getAuthSecret } from "@/lib/auth/secret";

const VERSION = "v1";
const IV_BYTES = 12;

/** What a sealed value is for: its own key is derived from AUTH_SECRET with this salt and info. */
export type SealPurpose = { salt: string; info: string };

// A purpose-bound key: the session key itself never encrypts anything but sessions, and a value
// sealed for one purpose (an SSO client secret) never opens as another (a TOTP secret).
function key(secret: string, purpose: SealPurpose): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, purpose.salt, purpose.info, 32));
}

/**
 * Encrypts a secret kept at rest (AES-256-GCM, key derived from AUTH_SECRET with HKDF for
 * `purpose`): "v1.<iv>.<tag>.<ciphertext>" in base64url. Changing AUTH_SECRET makes it unreadable.
 */
export function sealText(plain: string, purpose: SealPurpose, secret = getAuthSecret()): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key(secret, purpose), iv);
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);

  return [VERSION, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/** The sealed text, or null when it was sealed with another key or purpose, or tampered with. */
export function openSealedText(stored: string, purpose: SealPurpose, secret = getAuthSecret()): string | null {
  const [version, iv, tag, ciphertext] = stored.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(secret, purpose), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));

    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
