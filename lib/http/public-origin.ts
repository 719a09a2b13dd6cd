import { appMode, env } from "@/lib/env";

/**
 * The site's public origin, for every absolute link (e-mails, QR codes, SSO callback): APP_URL,
 * or in demo mode without it this machine. Never the request's Host or X-Forwarded-Host, which
 * the client chooses: a forged one would put an attacker's site in a genuine e-mail.
 */
export function publicOrigin(): string {
  const config = env();
  if (config.APP_URL) return new URL(config.APP_URL).origin;
  if (appMode(config) === "production") throw new Error("APP_URL is required in production mode");

  return `http://localhost:${config.PORT}`;
}

/** Whether the site is served over https: then cookies are Secure (and __Host-) and HSTS is sent. */
export function isHttpsSite(): boolean {
  return publicOrigin().startsWith("https:");
}
