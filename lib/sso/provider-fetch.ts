import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import ipaddr from "ipaddr.js";
import { isInternalProviderHost, isLoopbackHost, loopbackHttpAllowed } from "./loopback";

export const PROVIDER_TIMEOUT_MS = 5_000;
export const PROVIDER_MAX_RESPONSE_BYTES = 256 * 1024;

/** A call to an identity provider that Vigie refused to make, or cut short; said in French. */
/** Why a call was refused, for the manager's message (lib/sso/discover-provider.ts). */
export type ProviderRefusal = "scheme" | "internal" | "too_large" | "body";

export class ProviderCallRefused extends Error {
  constructor(
    message: string,
    readonly reason: ProviderRefusal,
    readonly origin?: string,
  ) {
    super(message);
    this.name = "ProviderCallRefused";
  }
}

/** Which non-public addresses a call may reach besides public ones. */
export type AddressRules = { loopback: boolean; privateNetworks: boolean };

/**
 * Whether an address may not be called: anything but a public unicast address (private,
 * loopback, link-local such as the cloud metadata 169.254.169.254, carrier-grade NAT, unique
 * local, reserved, IPv4 embedded in IPv6); loopback when the test setting allows it, and private
 * networks (RFC 1918, unique local) for a host the operator listed, excepted.
 */
export function isForbiddenAddress(address: string, rules: AddressRules): boolean {
  if (!ipaddr.isValid(address)) return true;
  const range = ipaddr.process(address).range();
  if (range === "unicast") return false;
  if (range === "loopback") return !rules.loopback;
  if (range === "private" || range === "uniqueLocal") return !rules.privateNetworks;

  return true;
}

type ProviderRequest = { method?: string; headers?: Record<string, string>; body?: unknown; signal?: AbortSignal };

/**
 * fetch for identity providers (discovery, token, userinfo), which a manager chooses: https only
 * (plain-http loopback only with the test setting), refused when the name resolves to a forbidden
 * address, checked on the very address connected to (the socket's lookup), so a name cannot
 * resolve to a public address for the check and to a private one for the connection. No
 * redirects are followed; 5 s in all; a body over 256 KB is refused.
 */
export function providerFetch(input: string | URL, init: ProviderRequest = {}): Promise<Response> {
  const url = new URL(input);

  return requestProvider(url, init, {
    loopback: loopbackHttpAllowed(),
    privateNetworks: isInternalProviderHost(url.hostname),
  });
}

/** providerFetch with the address rules given, for tests. */
export async function requestProvider(url: URL, init: ProviderRequest, rules: AddressRules): Promise<Response> {
  const scheme =
    url.protocol === "https:" || (url.protocol === "http:" && rules.loopback && isLoopbackHost(url.hostname));
  if (!scheme) throw new ProviderCallRefused(`adresse refusée (https:// exigé) : ${url.origin}`, "scheme", url.origin);
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (net.isIP(literal) && isForbiddenAddress(literal, rules)) throw refusedAddress(url);
  const signal = AbortSignal.any([AbortSignal.timeout(PROVIDER_TIMEOUT_MS), ...(init.signal ? [init.signal] : [])]);
  const body = requestBody(init.body);

  return new Promise<Response>((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const request = client.request(
      url,
      {
        method: init.method ?? "GET",
        headers: { ...init.headers, ...(body ? { "content-length": String(body.length) } : {}) },
        lookup: guardedLookup(url, rules),
        signal,
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > PROVIDER_MAX_RESPONSE_BYTES)
            response.destroy(
              new ProviderCallRefused(
                `réponse de plus de ${PROVIDER_MAX_RESPONSE_BYTES / 1024} Ko : ${url.origin}`,
                "too_large",
                url.origin,
              ),
            );
          else chunks.push(chunk);
        });
        response.on("error", reject);
        response.on("end", () => {
          const status = response.statusCode ?? 502;
          const headers = new Headers();
          for (const [name, value] of Object.entries(response.headers))
            if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
          const noBody = status === 204 || status === 205 || status === 304;
          resolve(
            new Response(noBody ? null : Buffer.concat(chunks), {
              status,
              statusText: response.statusMessage,
              headers,
            }),
          );
        });
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

function refusedAddress(url: URL): ProviderCallRefused {
  return new ProviderCallRefused(
    `adresse interne refusée (privée, locale ou de métadonnées) : ${url.origin}`,
    "internal",
    url.origin,
  );
}

function requestBody(body: unknown): Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string" || body instanceof URLSearchParams) return Buffer.from(body.toString());
  if (body instanceof Uint8Array) return Buffer.from(body);
  if (body instanceof ArrayBuffer) return Buffer.from(new Uint8Array(body));
  throw new ProviderCallRefused("corps de requête non pris en charge", "body");
}

/** The socket's own name resolution, refusing the connection when any address is forbidden. */
function guardedLookup(url: URL, rules: AddressRules): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 4);
      if (addresses.length === 0 || addresses.some((entry) => isForbiddenAddress(entry.address, rules)))
        return callback(refusedAddress(url), "", 4);
      if (options.all) return (callback as unknown as (error: null, all: dns.LookupAddress[]) => void)(null, addresses);

      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
