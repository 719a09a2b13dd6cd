import { env } from "@/lib/env";

/** The site's public origin for links in e-mails: APP_URL, else what the request says. */
export function publicOrigin(headers: Headers): string {
  const configured = env().APP_URL;
  if (configured) return new URL(configured).origin;
  const proto = headers.get("x-forwarded-proto") ?? "http";
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost";

  return `${proto}://${host}`;
}
