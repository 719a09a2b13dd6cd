import { z } from "zod";

export const USERNAME_MIN_LENGTH = 3;
export const USERNAME_MAX_LENGTH = 40;
export const USERNAME_PATTERN = /^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$/;

/**
 * An identifier chosen by staff without a professional e-mail ("m.dupont"): lower-case
 * letters, digits, dots, dashes and underscores, starting and ending with a letter or digit.
 * Never an "@", so that an identifier can never be mistaken for an e-mail address at sign-in.
 * No messages here: the join form says what is wrong (catalogue `join.errors`); a username
 * that reaches lib/ wrong is a bad request.
 */
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(USERNAME_MIN_LENGTH)
  .max(USERNAME_MAX_LENGTH)
  .regex(USERNAME_PATTERN);

/** True when a sign-in identifier is an e-mail address rather than a username. */
export const isEmailIdentifier = (identifier: string) => identifier.includes("@");
