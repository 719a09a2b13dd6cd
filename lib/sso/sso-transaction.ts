import { decode, encode } from "next-auth/jwt";
import { getAuthSecret } from "@/lib/auth/secret";

/** What the browser carries between leaving for the identity provider and coming back. */
export type SsoTransaction = {
  state: string;
  nonce: string;
  codeVerifier: string;
  organisationId: string;
  slug: string;
  returnTo: string;
  /** Set when the signed-in user started it from "Mon compte": the identity is linked to them only. */
  linkUserId?: string;
};

export const SSO_TRANSACTION_COOKIE = "vigie-sso";
export const SSO_TRANSACTION_MAX_AGE_SECONDS = 10 * 60;
// A different salt from the session's: a transaction cookie can never pass for a session.
const SALT = "vigie.sso-transaction";

/** The transaction as an encrypted, expiring cookie value (the browser can neither read nor change it). */
export async function sealSsoTransaction(transaction: SsoTransaction): Promise<string> {
  return encode({ token: transaction, secret: getAuthSecret(), salt: SALT, maxAge: SSO_TRANSACTION_MAX_AGE_SECONDS });
}

/** The transaction in a cookie value, or null when missing, expired, forged or of another key. */
export async function openSsoTransaction(value: string | undefined): Promise<SsoTransaction | null> {
  if (!value) return null;
  try {
    const payload = await decode<Partial<SsoTransaction>>({ token: value, secret: getAuthSecret(), salt: SALT });
    const fields = ["state", "nonce", "codeVerifier", "organisationId", "slug", "returnTo"] as const;
    if (!payload || !fields.every((field) => typeof payload[field] === "string")) return null;
    if (payload.linkUserId !== undefined && typeof payload.linkUserId !== "string") return null;

    return payload as SsoTransaction;
  } catch {
    return null;
  }
}
