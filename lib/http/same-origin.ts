/**
 * CSRF defence for route handlers that change state: the browser must say the request comes
 * from this site (Sec-Fetch-Site), or send an Origin equal to the request's own origin.
 */
export function isSameOrigin(request: Pick<Request, "url" | "headers">, appUrl?: string): boolean {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite) return fetchSite === "same-origin";
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const allowed = new Set([new URL(request.url).origin]);
  if (appUrl) allowed.add(new URL(appUrl).origin);
  const host = request.headers.get("host");
  if (host) allowed.add(`${new URL(request.url).protocol}//${host}`);

  return allowed.has(origin);
}
