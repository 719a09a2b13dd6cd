/**
 * Goes through the test provider's sign-in as a browser would (its cookies, its login and
 * consent forms), following redirects until the provider sends back to `redirectUri`; returns
 * that callback URL, with its code, state and iss. For integration tests without a browser.
 */
export async function passIdentityProvider(authorizationUrl: URL, redirectUri: string, login: string): Promise<URL> {
  const cookies = new Map<string, string>();
  const request = async (url: URL, init: RequestInit = {}) => {
    const response = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: { ...init.headers, cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join("; ") },
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const at = pair!.indexOf("=");
      cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return response;
  };
  const form = (body: Record<string, string>): RequestInit => ({
    method: "POST",
    body: new URLSearchParams(body),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });

  let response = await request(authorizationUrl);
  for (let hop = 0; hop < 12; hop++) {
    const location = response.headers.get("location");
    if (!location)
      throw new Error(
        `the provider stopped at ${response.url || "?"} with ${response.status}: ${(await response.text()).slice(0, 200)}`,
      );
    const next = new URL(location, authorizationUrl);
    if (next.href.startsWith(redirectUri)) return next;
    if (next.pathname.startsWith("/interaction/")) {
      const page = await (await request(next)).text();
      response = page.includes('name="login"')
        ? await request(new URL(`${next.pathname}/login`, next), form({ login }))
        : await request(new URL(`${next.pathname}/confirm`, next), form({}));
    } else {
      response = await request(next);
    }
  }
  throw new Error("the provider never sent the browser back");
}
