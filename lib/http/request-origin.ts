import type { RequestOrigin } from "@/lib/audit/record-audit";
import { env } from "@/lib/env";
import { clientAddress } from "./client-address";

/** The client address (per TRUST_PROXY_HOPS) and user agent of a request. */
export function requestOrigin(headers: Headers): RequestOrigin {
  return { ipAddress: clientAddress(headers, env().TRUST_PROXY_HOPS), userAgent: headers.get("user-agent") };
}
