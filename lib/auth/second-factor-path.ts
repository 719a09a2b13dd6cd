/** The page where a session passes its second factor (or enrols one), then goes back to `returnTo`. */
export function secondFactorPath(returnTo: string): string {
  return `/double-authentification?retour=${encodeURIComponent(returnTo)}`;
}
