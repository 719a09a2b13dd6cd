import type { AccountCreationMode } from "@/db/schema";
import type { SsoIdentity } from "./link-sso-identity";

export type AccountCreationPolicy = {
  accountCreation: AccountCreationMode;
  isProSanteConnect: boolean;
  allowedEmailDomains: string[];
  structureIds: string[];
};

/** Nothing is created through a provider whose settings say nothing (the default). */
export const NO_ACCOUNT_CREATION: AccountCreationPolicy = {
  accountCreation: "none",
  isProSanteConnect: false,
  allowedEmailDomains: [],
  structureIds: [],
};

/** The e-mail's domain, lower-cased, or null. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf("@");

  return at > 0 ? email.slice(at + 1).toLowerCase() : null;
}

/**
 * The e-mail a new account may keep: a verified address of a domain the platform admins allowed
 * for this provider, else none (a provider must not pre-register addresses it does not own).
 */
export function trustedEmail(policy: AccountCreationPolicy, identity: SsoIdentity): string | null {
  if (!identity.email || !identity.emailVerified) return null;
  const domain = emailDomain(identity.email);

  return domain && policy.allowedEmailDomains.includes(domain) ? identity.email : null;
}

/**
 * Whether an identity nobody knows may get a new learner account here: never by default; with
 * "email_domain", a verified e-mail of an allowed domain; with "psc_structure" (Pro Santé Connect
 * only), an activity in one of the establishment's structures (FINESS or SIRET).
 */
export function mayCreateAccount(policy: AccountCreationPolicy, identity: SsoIdentity): boolean {
  switch (policy.accountCreation) {
    case "email_domain":
      return trustedEmail(policy, identity) !== null;
    case "psc_structure":
      return policy.isProSanteConnect && identity.structureIds.some((id) => policy.structureIds.includes(id));
    default:
      return false;
  }
}
