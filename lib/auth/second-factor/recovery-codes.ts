import { createHash, randomInt } from "node:crypto";

export const RECOVERY_CODE_COUNT = 10;
// Crockford-like: no 0/O, 1/I/L, so that a code copied on paper reads back the same.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const GROUPS = 4;
const GROUP_LENGTH = 4;

/** Ten new codes such as "K7QM-3WZP-8D2R-XH4N": 16 characters of 31, about 79 random bits each. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    Array.from({ length: GROUPS }, () =>
      Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(""),
    ).join("-"),
  );
}

/** A typed recovery code in its stored form (upper case, no spaces or dashes), or null when it cannot be one. */
export function normaliseRecoveryCode(typed: string): string | null {
  const compact = typed.replace(/[\s-]/g, "").toUpperCase();

  return compact.length === GROUPS * GROUP_LENGTH && [...compact].every((char) => ALPHABET.includes(char))
    ? compact
    : null;
}

/**
 * What is stored of a code: SHA-256 of the user id and the code. The codes carry ~79 random
 * bits, so a fast hash leaves nothing to guess offline (argon2 is for passwords people choose);
 * the user id keeps one person's hashes from matching another's.
 */
export function hashRecoveryCode(userId: string, normalisedCode: string): string {
  return createHash("sha256").update(`${userId}:${normalisedCode}`).digest("hex");
}
