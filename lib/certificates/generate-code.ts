import { randomBytes } from "node:crypto";

// Crockford's base32 alphabet: no I, L, O or U, so a code read aloud or copied by hand survives.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** 26 characters of 5 bits: 130 random bits. */
export const CODE_LENGTH = 26;
export const CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** A verification code with 130 random bits, e.g. "7Q2M9F0K3R…". */
export function generateCertificateCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  let code = "";
  for (const byte of bytes) code += ALPHABET[byte & 31];

  return code;
}

/** What a person may type or scan, made canonical: upper case, no spaces or dashes; null if it cannot be a code. */
export function normaliseCertificateCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");

  return CODE_PATTERN.test(code) ? code : null;
}
