import { Secret, TOTP } from "otpauth";
import type { SealPurpose } from "@/lib/crypto/sealed-text";

// RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps.
const PERIOD_SECONDS = 30;
const DIGITS = 6;
/** One step either side of now: a phone clock a little off, or a code typed as it changes. */
export const TOTP_WINDOW = 1;
export const TOTP_ISSUER = "Vigie";

/** How TOTP secrets are sealed at rest, and pending enrolments in their form. */
export const TOTP_SECRET_SEAL: SealPurpose = { salt: "vigie-second-factor", info: "vigie user_second_factors.secret" };

function totp(secretBase32: string, label = "Vigie"): TOTP {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label,
    algorithm: "SHA1",
    digits: DIGITS,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A new random secret of 160 bits (RFC 4226's recommended length), in base32 as apps type it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI a QR code carries for an authenticator app. */
export function totpUri(secretBase32: string, label: string): string {
  return totp(secretBase32, label).toString();
}

/** The code of the step `at` falls in (tests and the e2e fixture sign in with it). */
export function totpCode(secretBase32: string, at = Date.now()): string {
  return totp(secretBase32).generate({ timestamp: at });
}

/** A typed code as digits only ("123 456" → "123456"), or null when it cannot be a code. */
export function normaliseTotpCode(typed: string): string | null {
  const digits = typed.replace(/[\s-]/g, "");

  return new RegExp(`^\\d{${DIGITS}}$`).test(digits) ? digits : null;
}

/** The time step of a valid code within the window around `at`, or null. */
export function totpStep(secretBase32: string, code: string, at = Date.now()): number | null {
  const delta = totp(secretBase32).validate({ token: code, timestamp: at, window: TOTP_WINDOW });
  if (delta === null) return null;

  return Math.floor(at / 1000 / PERIOD_SECONDS) + delta;
}
