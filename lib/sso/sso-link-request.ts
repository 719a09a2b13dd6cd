import { decode, encode } from "next-auth/jwt";
import { getAuthSecret } from "@/lib/auth/secret";

/** A signed-in user's request to link an establishment's provider to their account. */
export type SsoLinkRequest = { userId: string; organisationId: string };

const MAX_AGE_SECONDS = 10 * 60;
// Its own salt: neither a session nor an SSO transaction can pass for a link request.
const SALT = "vigie.sso-link-request";

/**
 * The sealed value that "Lier mon compte …" carries. Without it, any site could send a signed-in
 * person's browser to a linking sign-in at a provider that answers with someone else's identity.
 */
export async function sealSsoLinkRequest(request: SsoLinkRequest): Promise<string> {
  return encode({ token: request, secret: getAuthSecret(), salt: SALT, maxAge: MAX_AGE_SECONDS });
}

/** The link request in a value, or null when missing, expired, forged or of another key. */
export async function openSsoLinkRequest(value: string | null): Promise<SsoLinkRequest | null> {
  if (!value) return null;
  try {
    const payload = await decode<Partial<SsoLinkRequest>>({ token: value, secret: getAuthSecret(), salt: SALT });
    if (typeof payload?.userId !== "string" || typeof payload.organisationId !== "string") return null;

    return { userId: payload.userId, organisationId: payload.organisationId };
  } catch {
    return null;
  }
}
