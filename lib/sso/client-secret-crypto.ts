import { getAuthSecret } from "@/lib/auth/secret";
import { type SealPurpose, openSealedText, sealText } from "@/lib/crypto/sealed-text";

// Unchanged since the first secrets were stored: another salt or info would make them unreadable.
const CLIENT_SECRET: SealPurpose = { salt: "vigie-sso", info: "vigie organisation_sso.client_secret" };

/**
 * Encrypts an identity provider's client secret (lib/crypto/sealed-text.ts: AES-256-GCM, key
 * derived from AUTH_SECRET with HKDF). Changing AUTH_SECRET makes it unreadable.
 */
export function encryptClientSecret(plain: string, secret = getAuthSecret()): string {
  return sealText(plain, CLIENT_SECRET, secret);
}

/** The client secret, or null when it was encrypted with another key or tampered with. */
export function decryptClientSecret(stored: string, secret = getAuthSecret()): string | null {
  return openSealedText(stored, CLIENT_SECRET, secret);
}
