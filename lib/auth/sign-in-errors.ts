/** Where a throttled magic-link request lands: the sign-in page says when to try again. */
export function throttledSignInPath(retryAfterSeconds: number): string {
  return `/connexion?error=trop-de-tentatives&minutes=${retryMinutes(retryAfterSeconds)}`;
}

/** Whole minutes to wait, at least one. */
export function retryMinutes(retryAfterSeconds: number): number {
  return Math.max(1, Math.ceil(retryAfterSeconds / 60));
}
