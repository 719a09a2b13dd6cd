import { z } from "zod";
import { accountCreationModes } from "@/db/schema/organisation-sso";
import { isAllowedProviderUrl } from "./loopback";
import { normaliseStructureId } from "./pro-sante-connect";

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
  if (!isAllowedProviderUrl(url))
    return "L'émetteur doit être en https:// (http:// n'est accepté que pour localhost ou 127.0.0.1).";
  if (url.search || url.hash || url.username || url.password)
    return "L'émetteur ne doit contenir ni paramètres (?…), ni fragment (#…), ni identifiants.";

  return null;
}

function discoveryPathError(value: string): string | null {
  if (value === "") return null;
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("..") || /[?#\s\\]/.test(value)) {
    return "Le chemin de découverte commence par / et ne contient ni espace, ni ?, ni #, par exemple /.well-known/wallet-openid-configuration.";
  }

  return null;
}

const LIST_MAX = 50;
// A host name of at least two labels, as in an e-mail address; sub-domains are listed one by one.
const DOMAIN = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
// FINESS: 9 characters, a département code first (2A/2B in Corsica); SIRET: 14 digits.
const STRUCTURE_ID = /^([0-9]{9}|2[AB][0-9]{7}|[0-9]{14})$/;

/** A typed list (one per line, or separated by commas, semicolons or spaces), without repeats. */
function splitList(value: string): string[] {
  return [...new Set(value.split(/[\s,;]+/).filter(Boolean))];
}

function listError(values: string[], pattern: RegExp, message: string): string | null {
  if (values.length > LIST_MAX) return `${LIST_MAX} valeurs au plus.`;
  const wrong = values.filter((value) => !pattern.test(value));

  return wrong.length > 0 ? `${message} (${wrong.slice(0, 3).join(", ")})` : null;
}

function scopesError(value: string): string | null {
  if (!TOKEN_LIST.test(value))
    return "Séparez les scopes par une espace, sans autre caractère spécial (par exemple : openid email profile).";
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
    isProSanteConnect: z.boolean().default(false),
    accountCreation: z
      .enum(accountCreationModes, { error: "Choisissez qui peut créer un compte par ce fournisseur." })
      .default("none"),
    allowedEmailDomains: z.string().default(""),
    structureIds: z.string().default(""),
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
    isProSanteConnect: input.isProSanteConnect,
    accountCreation: input.accountCreation,
    allowedEmailDomains: splitList(input.allowedEmailDomains.toLowerCase()).map((domain) => domain.replace(/^@/, "")),
    structureIds: splitList(input.structureIds).map(normaliseStructureId),
  }))
  .superRefine((value, context) => {
    const name = value.displayName;
    const errors: Record<string, string | null> = {
      displayName:
        name.length < DISPLAY_NAME_MIN || name.length > DISPLAY_NAME_MAX
          ? `Saisissez le nom affiché sur le bouton de connexion (${DISPLAY_NAME_MIN} à ${DISPLAY_NAME_MAX} caractères), par exemple « Pro Santé Connect ».`
          : null,
      issuer: issuerError(value.issuer) ?? (value.issuer.length > TEXT_MAX ? "Cette URL est trop longue." : null),
      clientId:
        value.clientId === ""
          ? "Saisissez l'identifiant client (client_id) fourni par le fournisseur d'identité."
          : value.clientId.length > TEXT_MAX
            ? "Cet identifiant est trop long."
            : null,
      clientSecret: value.clientSecret.length > TEXT_MAX ? "Ce secret est trop long." : null,
      discoveryPath:
        discoveryPathError(value.discoveryPath) ??
        (value.discoveryPath.length > TEXT_MAX ? "Ce chemin est trop long." : null),
      scopes: scopesError(value.scopes) ?? (value.scopes.length > TEXT_MAX ? "Trop de scopes." : null),
      acrValues:
        value.acrValues !== "" && !TOKEN_LIST.test(value.acrValues)
          ? "Séparez les valeurs acr par une espace (par exemple : eidas1)."
          : null,
      allowedEmailDomains: listError(
        value.allowedEmailDomains,
        DOMAIN,
        "Saisissez des noms de domaine, par exemple ch-exemple.fr",
      ),
      structureIds: listError(
        value.structureIds,
        STRUCTURE_ID,
        "Saisissez des numéros FINESS (9 caractères) ou SIRET (14 chiffres)",
      ),
      accountCreation:
        value.accountCreation === "psc_structure" && !value.isProSanteConnect
          ? "La création par structure n'existe que pour Pro Santé Connect : cochez « Ce fournisseur est Pro Santé Connect »."
          : value.accountCreation === "psc_structure" && value.structureIds.length === 0
            ? "Saisissez au moins un numéro FINESS ou SIRET de l'établissement."
            : null,
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
