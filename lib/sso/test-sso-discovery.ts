import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/load-actor";
import type { Locale } from "@/lib/i18n/locales";
import { discoverProvider } from "./discover-provider";
import { getSsoSettings } from "./get-sso-settings";

export type SsoDiscoveryReport =
  | { status: "none" }
  | { status: "ok"; issuer: string; authorization: string; token: string; userinfo: string | null }
  | { status: "failed"; problem: string };

/**
 * Fetches the saved provider's discovery document for its manager (others: not_found) and says
 * what is wrong, in `locale` (French when absent).
 */
export async function testSsoDiscovery(
  db: Db,
  options: { actor: Actor; organisationId: string; locale?: Locale },
): Promise<SsoDiscoveryReport> {
  const settings = await getSsoSettings(db, options);
  if (!settings) return { status: "none" };
  const discovery = await discoverProvider({ ...settings, fresh: true });
  if (!discovery.ok) return { status: "failed", problem: discovery.problem(options.locale) };
  const { server } = discovery;

  return {
    status: "ok",
    issuer: server.issuer,
    authorization: server.authorization_endpoint!,
    token: server.token_endpoint!,
    userinfo: server.userinfo_endpoint ?? null,
  };
}
