/** Set on every request by the server itself (stamp-peer-address.ts), overwriting any sent. */
export const PEER_ADDRESS_HEADER = "x-vigie-peer-address";

/**
 * The client's address, for rate limits and the audit log; never what the client says of
 * itself. With no trusted proxy (TRUST_PROXY_HOPS=0), the socket's address. Behind N trusted
 * proxies, each appending the address it received the request from, the Nth entry from the right
 * of X-Forwarded-For: entries to its left are whatever the client sent. A request that carries
 * fewer entries did not come through the proxies, and is known by its socket's address.
 */
export function clientAddress(headers: Headers, trustProxyHops: number): string {
  const peer = headers.get(PEER_ADDRESS_HEADER)?.trim() || "unknown";
  if (trustProxyHops === 0) return peer;
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);

  return forwarded.length >= trustProxyHops ? forwarded[forwarded.length - trustProxyHops]! : peer;
}
