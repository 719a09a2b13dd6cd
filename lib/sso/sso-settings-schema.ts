import { z } from "zod";
import { accountCreationModes } from "@/db/schema/organisation-sso";
import type { Locale } from "@/lib/i18n/locales";
import { validationMessages } from "@/lib/i18n/validation-messages";
import { isAllowedProviderUrl } from "./loopback";
import { normaliseStructureId } from "./pro-sante-connect";

export const DEFAULT_SCOPES = "openid email profile";
export const DEFAULT_DISCOVERY_PATH = "/.well-known/openid-configuration";
const DISPLAY_NAME_MIN = 2;
const DISPLAY_NAME_MAX = 80;
const TEXT_MAX = 500;
// RFC 6749 §3.3 scope-token characters, also used for acr_values.
const TOKEN_LIST = /^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/;

type Texts = ReturnType<typeof validationMessages>;

function issuerError(t: Texts, value: string): string | null {
  if (value === "") return t("ssoSettings.issuerMissing");
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return t("ssoSettings.issuerNotUrl");
  }
  if (!isAllowedProviderUrl(url)) return t("ssoSettings.issuerNotHttps");
  if (url.search || url.hash || url.username || url.password) return t("ssoSettings.issuerExtras");

  return null;
}

function discoveryPathError(t: Texts, value: string): string | null {
  if (value === "") return null;
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("..") || /[?#\s\\]/.test(value)) {
    return t("ssoSettings.discoveryPathInvalid");
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

/** Too many values, or the first few wrong ones, given to `message` as `wrong`. */
function listError(t: Texts, values: string[], pattern: RegExp, message: (wrong: string) => string): string | null {
  if (values.length > LIST_MAX) return t("ssoSettings.listLong", { max: LIST_MAX });
  const wrong = values.filter((value) => !pattern.test(value));

  return wrong.length > 0 ? message(wrong.slice(0, 3).join(", ")) : null;
}

function scopesError(t: Texts, value: string): string | null {
  if (!TOKEN_LIST.test(value)) return t("ssoSettings.scopesFormat");
  if (!value.split(" ").includes("openid")) return t("ssoSettings.scopesOpenid");

  return null;
}

/**
 * An establishment's SSO settings as a manager types them, with messages in `locale` (French when
 * none is given). Whitespace around values is trimmed; an empty client secret means "keep the
 * current one" (the caller decides whether one exists).
 */
export function ssoSettingsSchemaFor(locale?: Locale) {
  const t = validationMessages(locale);

  return z
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
      accountCreation: z.enum(accountCreationModes, { error: t("ssoSettings.accountCreationInvalid") }).default("none"),
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
            ? t("ssoSettings.displayNameLength", { min: DISPLAY_NAME_MIN, max: DISPLAY_NAME_MAX })
            : null,
        issuer: issuerError(t, value.issuer) ?? (value.issuer.length > TEXT_MAX ? t("ssoSettings.issuerLong") : null),
        clientId:
          value.clientId === ""
            ? t("ssoSettings.clientIdMissing")
            : value.clientId.length > TEXT_MAX
              ? t("ssoSettings.clientIdLong")
              : null,
        clientSecret: value.clientSecret.length > TEXT_MAX ? t("ssoSettings.clientSecretLong") : null,
        discoveryPath:
          discoveryPathError(t, value.discoveryPath) ??
          (value.discoveryPath.length > TEXT_MAX ? t("ssoSettings.discoveryPathLong") : null),
        scopes: scopesError(t, value.scopes) ?? (value.scopes.length > TEXT_MAX ? t("ssoSettings.scopesLong") : null),
        acrValues:
          value.acrValues !== "" && !TOKEN_LIST.test(value.acrValues) ? t("ssoSettings.acrValuesFormat") : null,
        allowedEmailDomains: listError(t, value.allowedEmailDomains, DOMAIN, (wrong) =>
          t("ssoSettings.emailDomainsInvalid", { wrong }),
        ),
        structureIds: listError(t, value.structureIds, STRUCTURE_ID, (wrong) =>
          t("ssoSettings.structureIdsInvalid", { wrong }),
        ),
        accountCreation:
          value.accountCreation === "psc_structure" && !value.isProSanteConnect
            ? t("ssoSettings.structureCreationNotPsc")
            : value.accountCreation === "psc_structure" && value.structureIds.length === 0
              ? t("ssoSettings.structureIdsMissing")
              : null,
      };
      for (const [field, message] of Object.entries(errors)) {
        if (message) context.addIssue({ code: "custom", path: [field], message });
      }
    });
}

/** The settings' rule with French messages, for callers that have no reader. */
export const ssoSettingsSchema = ssoSettingsSchemaFor();

export type SsoSettingsInput = z.input<typeof ssoSettingsSchema>;
export type SsoSettingsValues = z.output<typeof ssoSettingsSchema>;

/** Where the provider's discovery document is: the issuer, then the standard or configured path. */
export function discoveryUrl(issuer: string, discoveryPath: string | null): URL {
  return new URL(issuer.replace(/\/+$/, "") + (discoveryPath || DEFAULT_DISCOVERY_PATH));
}
