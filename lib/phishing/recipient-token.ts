import { createHash, randomBytes } from "node:crypto";

/** A link's token: 32 random bytes (256 bits), base64url, 43 characters. */
export function newRecipientToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the database keeps of a token: its SHA-256, hex. */
export function hashRecipientToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Whether a string can be a token at all; anything else is answered without a database read. */
export function isWellFormedToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
