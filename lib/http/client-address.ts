/**
 * The client's address, for rate limits. Behind TRUST_PROXY_HOPS reverse proxies, the entry
 * that the outermost trusted proxy appended to X-Forwarded-For; entries to its left are
 * whatever the client sent and are ignored. With no trusted proxy, Next.js fills the header
 * with the socket address only when the client sent none, so the value may be forged: limits
 * keyed on it are paired with a global limit.
 */
export function clientAddress(headers: Headers, trustProxyHops: number): string {
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").map((part) => part.trim()).filter(Boolean);
  if (forwarded.length === 0) return "unknown";
  const index = trustProxyHops > 0 ? Math.max(forwarded.length - trustProxyHops, 0) : forwarded.length - 1;

  return forwarded[index]!;
}
