/**
 * One cookie's value in a request's Cookie header, URL-decoded, or null: for code that has the
 * request's headers rather than next/headers (route handlers' helpers, the Pages API route).
 */
export function requestCookie(headers: Headers, name: string): string | null {
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key !== name) continue;
    try {
      return decodeURIComponent(value.join("="));
    } catch {
      return null; // a malformed escape is no value, rather than a thrown error
    }
  }

  return null;
}
