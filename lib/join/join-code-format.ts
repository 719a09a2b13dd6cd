import { randomInt } from "node:crypto";

// No 0/O, 1/I/L: a code read off a ward poster is typed without guessing which one was meant.
export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
// 31^10 ≈ 8·10^14 codes; with 20 failures per address per quarter of an hour, guessing one is hopeless.
export const JOIN_CODE_LENGTH = 10;

/** A fresh random join code, uniformly drawn from the unambiguous alphabet. */
export function generateJoinCode(): string {
  return Array.from({ length: JOIN_CODE_LENGTH }, () => JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)]).join(
    "",
  );
}

/**
 * A code as typed (any case, with spaces, dashes or dots between groups) in its stored form,
 * or null when it cannot be a join code at all.
 */
export function normaliseJoinCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s.\-‐‑–—_]/g, "");
  if (code.length !== JOIN_CODE_LENGTH) return null;

  return [...code].every((char) => JOIN_CODE_ALPHABET.includes(char)) ? code : null;
}

/** The code in two groups of five, as printed on posters: "ABCDE-FGHJK". */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}
