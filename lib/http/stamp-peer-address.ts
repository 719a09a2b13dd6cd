import http from "node:http";
import { PEER_ADDRESS_HEADER } from "./client-address";

const INSTALLED = Symbol.for("vigie.peerAddressStamp");

/**
 * Writes each request's socket address into PEER_ADDRESS_HEADER before Next.js sees it, replacing
 * anything the client sent. Next.js gives route handlers, pages and server actions no access to
 * the socket, and fills X-Forwarded-For with it only when the client sent none (so a client
 * chooses its own address there). Installed once per process, at start-up (instrumentation.ts),
 * on every HTTP server of the process, whichever created it.
 */
export function stampPeerAddress(): void {
  const prototype = http.Server.prototype as http.Server & { [INSTALLED]?: true };
  if (prototype[INSTALLED]) return;
  const emit = prototype.emit;
  prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      request.headers[PEER_ADDRESS_HEADER] = request.socket?.remoteAddress ?? "unknown";
    }

    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
  prototype[INSTALLED] = true;
}
