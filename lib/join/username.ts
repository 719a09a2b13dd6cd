import { z } from "zod";

export const USERNAME_MIN_LENGTH = 3;
export const USERNAME_MAX_LENGTH = 40;
export const USERNAME_PATTERN = /^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$/;

/**
 * An identifier chosen by staff without a professional e-mail ("m.dupont"): lower-case
 * letters, digits, dots, dashes and underscores, starting and ending with a letter or digit.
 * Never an "@", so that an identifier can never be mistaken for an e-mail address at sign-in.
 */
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(USERNAME_MIN_LENGTH, "Choisissez un identifiant d'au moins 3 caractères.")
  .max(USERNAME_MAX_LENGTH, "Choisissez un identifiant de 40 caractères au plus.")
  .regex(
    USERNAME_PATTERN,
    "Utilisez seulement des lettres sans accent, des chiffres, des points, tirets ou soulignés, par exemple m.dupont.",
  );

/** True when a sign-in identifier is an e-mail address rather than a username. */
export const isEmailIdentifier = (identifier: string) => identifier.includes("@");
