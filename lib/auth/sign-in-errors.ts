/** Where a throttled magic-link request lands: the sign-in page says why and when to try again. */
export function throttledSignInPath(retryAfterSeconds: number, reason: "account" | "address" = "address"): string {
  const error = reason === "account" ? "lien-deja-envoye" : "trop-de-tentatives";

  return `/connexion?error=${error}&minutes=${retryMinutes(retryAfterSeconds)}`;
}

/** Whole minutes to wait, at least one. */
export function retryMinutes(retryAfterSeconds: number): number {
  return Math.max(1, Math.ceil(retryAfterSeconds / 60));
}
