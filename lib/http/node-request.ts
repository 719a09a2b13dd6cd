import type { IncomingMessage } from "node:http";
import { AppError } from "@/lib/errors";

/**
 * What the web-Request helpers (isSameOrigin, the API guards) read of a Node request: its
 * headers, and its URL with the protocol Next.js gives route handlers (TLS, or a proxy's
 * X-Forwarded-Proto) and the Host header's origin (route handlers get the server's own
 * hostname there; isSameOrigin allows the Host header's origin anyway).
 */
export function webRequestView(request: IncomingMessage): Pick<Request, "url" | "headers"> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  const isHttps =
    ("encrypted" in request.socket && request.socket.encrypted === true) ||
    (headers.get("x-forwarded-proto")?.includes("https") ?? false);

  return { url: `${isHttps ? "https" : "http"}://${headers.get("host") ?? "localhost"}${request.url ?? "/"}`, headers };
}

/** Reads a JSON body of at most `maxBytes` from a Node request, without trusting Content-Length (as readJson). */
export async function readNodeJson(request: IncomingMessage, maxBytes: number): Promise<unknown> {
  if (!request.headers["content-type"]?.startsWith("application/json")) {
    throw new AppError("bad_request", "content-type must be application/json");
  }
  const declared = Number(request.headers["content-length"] ?? 0);
  if (declared > maxBytes) throw new AppError("payload_too_large", `${declared} bytes`);

  // Events rather than `for await`, whose early exit would destroy the socket before the 413 is sent.
  const chunks: Buffer[] = [];
  let size = 0;
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= maxBytes) return void chunks.push(chunk);
      request.off("data", onData);
      request.resume();
      reject(new AppError("payload_too_large", `more than ${maxBytes} bytes`));
    };
    request.on("data", onData);
    request.once("end", resolve);
    request.once("error", reject);
  });
  if (size === 0) throw new AppError("bad_request", "empty body");
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new AppError("bad_request", "body is not JSON");
  }
}
