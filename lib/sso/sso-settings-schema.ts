import { z } from "zod";
import { isAllowedProviderUrl } from "./loopback";

export const DEFAULT_SCOPES = "openid email profile";
export const DEFAULT_DISCOVERY_PATH = "/.well-known/openid-configuration";
const DISPLAY_NAME_MIN = 2;
const DISPLAY_NAME_MAX = 80;
const TEXT_MAX = 500;
// RFC 6749 §3.3 scope-token characters, also used for acr_values.
const TOKEN_LIST = /^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/;

function issuerError(value: string): string | null {
  if (value === "") return "Saisissez l'URL de l'émetteur (issuer), par exemple https://auth.exemple.fr/realms/chu.";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "Saisissez une URL complète, qui commence par https://.";
  }
  if (!isAllowedProviderUrl(url)) return "L'émetteur doit être en https:// (http:// n'est accepté que pour localhost ou 127.0.0.1).";
  if (url.search || url.hash || url.username || url.password) return "L'émetteur ne doit contenir ni paramètres (?…), ni fragment (#…), ni identifiants.";

  return null;
}

function discoveryPathError(value: string): string | null {
  if (value === "") return null;
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("..") || /[?#\s\\]/.test(value)) {
    return "Le chemin de découverte commence par / et ne contient ni espace, ni ?, ni #, par exemple /.well-known/wallet-openid-configuration.";
  }

  return null;
}

function scopesError(value: string): string | null {
  if (!TOKEN_LIST.test(value)) return "Séparez les scopes par une espace, sans autre caractère spécial (par exemple : openid email profile).";
  if (!value.split(" ").includes("openid")) return "Les scopes doivent contenir openid.";

  return null;
}

/**
 * An establishment's SSO settings as a manager types them. Whitespace around values is trimmed;
 * an empty client secret means "keep the current one" (the caller decides whether one exists).
 */
export const ssoSettingsSchema = z
  .object({
    displayName: z.string().default(""),
    issuer: z.string().default(""),
    clientId: z.string().default(""),
    clientSecret: z.string().default(""),
    discoveryPath: z.string().default(""),
    scopes: z.string().default(""),
    acrValues: z.string().default(""),
    isEnabled: z.boolean().default(true),
  })
  .transform((input) => ({
    displayName: input.displayName.replace(/\s+/g, " ").trim(),
    issuer: input.issuer.trim(),
    clientId: input.clientId.trim(),
    clientSecret: input.clientSecret.trim(),
    discoveryPath: input.discoveryPath.trim(),
    scopes: input.scopes.replace(/\s+/g, " ").trim() || DEFAULT_SCOPES,
    acrValues: input.acrValues.replace(/\s+/g, " ").trim(),
    isEnabled: input.isEnabled,
  }))
  .superRefine((value, context) => {
    const name = value.displayName;
    const errors: Record<string, string | null> = {
      displayName:
        name.length < DISPLAY_NAME_MIN || name.length > DISPLAY_NAME_MAX
          ? `Saisissez le nom affiché sur le bouton de connexion (${DISPLAY_NAME_MIN} à ${DISPLAY_NAME_MAX} caractères), par exemple « Pro Santé Connect ».`
          : null,
      issuer: issuerError(value.issuer) ?? (value.issuer.length > TEXT_MAX ? "Cette URL est trop longue." : null),
      clientId: value.clientId === "" ? "Saisissez l'identifiant client (client_id) fourni par le fournisseur d'identité." : value.clientId.length > TEXT_MAX ? "Cet identifiant est trop long." : null,
      clientSecret: value.clientSecret.length > TEXT_MAX ? "Ce secret est trop long." : null,
      discoveryPath: discoveryPathError(value.discoveryPath) ?? (value.discoveryPath.length > TEXT_MAX ? "Ce chemin est trop long." : null),
      scopes: scopesError(value.scopes) ?? (value.scopes.length > TEXT_MAX ? "Trop de scopes." : null),
      acrValues: value.acrValues !== "" && !TOKEN_LIST.test(value.acrValues) ? "Séparez les valeurs acr par une espace (par exemple : eidas1)." : null,
    };
    for (const [field, message] of Object.entries(errors)) {
      if (message) context.addIssue({ code: "custom", path: [field], message });
    }
  });

export type SsoSettingsInput = z.input<typeof ssoSettingsSchema>;
export type SsoSettingsValues = z.output<typeof ssoSettingsSchema>;

/** Where the provider's discovery document is: the issuer, then the standard or configured path. */
export function discoveryUrl(issuer: string, discoveryPath: string | null): URL {
  return new URL(issuer.replace(/\/+$/, "") + (discoveryPath || DEFAULT_DISCOVERY_PATH));
}
