import { describe, expect, it } from "vitest";
import { decryptClientSecret, encryptClientSecret } from "@/lib/sso/client-secret-crypto";
import { discoveryUrl, ssoSettingsSchema } from "@/lib/sso/sso-settings-schema";

const KEY = "une-cle-de-test-d-au-moins-trente-deux-caracteres";
const base = {
  displayName: "Pro Santé Connect",
  issuer: "https://auth.esante.gouv.fr/auth/realms/esante-wallet",
  clientId: "vigie",
  clientSecret: "s",
  discoveryPath: "",
  scopes: "",
  acrValues: "",
};

function fieldsInError(input: Record<string, unknown>): string[] {
  const result = ssoSettingsSchema.safeParse({ ...base, ...input });

  return result.success ? [] : result.error.issues.map((issue) => String(issue.path[0]));
}

describe("ssoSettingsSchema", () => {
  it("accepts https issuers, and http only on localhost and 127.0.0.1", () => {
    expect(fieldsInError({})).toEqual([]);
    expect(fieldsInError({ issuer: "http://localhost:3202" })).toEqual([]);
    expect(fieldsInError({ issuer: "http://127.0.0.1:3202/realms/x" })).toEqual([]);
    expect(fieldsInError({ issuer: "http://idp.chu.fr" })).toEqual(["issuer"]);
    expect(fieldsInError({ issuer: "http://localhost.evil.fr" })).toEqual(["issuer"]);
    expect(fieldsInError({ issuer: "ftp://idp.chu.fr" })).toEqual(["issuer"]);
    expect(fieldsInError({ issuer: "https://idp.chu.fr/?x=1" })).toEqual(["issuer"]);
    expect(fieldsInError({ issuer: "pas une url" })).toEqual(["issuer"]);
  });

  it("defaults the scopes, requires openid, and refuses odd characters in scopes, acr values and the discovery path", () => {
    expect(ssoSettingsSchema.parse(base).scopes).toBe("openid email profile");
    expect(ssoSettingsSchema.parse({ ...base, scopes: "  openid   scope_all " }).scopes).toBe("openid scope_all");
    expect(fieldsInError({ scopes: "profile email" })).toEqual(["scopes"]);
    expect(fieldsInError({ scopes: 'openid "x"' })).toEqual(["scopes"]);
    expect(fieldsInError({ acrValues: 'eidas1 "' })).toEqual(["acrValues"]);
    expect(fieldsInError({ discoveryPath: "/.well-known/wallet-openid-configuration" })).toEqual([]);
    for (const path of ["well-known", "//evil.fr/x", "/../x", "/a?b", "/a b"])
      expect(fieldsInError({ discoveryPath: path })).toEqual(["discoveryPath"]);
  });

  it("needs a display name and a client id", () => {
    expect(fieldsInError({ displayName: " ", clientId: "" }).sort()).toEqual(["clientId", "displayName"]);
  });
});

describe("discoveryUrl", () => {
  it("appends the standard or the configured path to the issuer", () => {
    expect(discoveryUrl("https://idp.chu.fr/realms/x", null).href).toBe(
      "https://idp.chu.fr/realms/x/.well-known/openid-configuration",
    );
    expect(discoveryUrl("https://idp.chu.fr/realms/x/", "/.well-known/wallet-openid-configuration").href).toBe(
      "https://idp.chu.fr/realms/x/.well-known/wallet-openid-configuration",
    );
  });
});

describe("client secret encryption", () => {
  it("round-trips, differs each time, and refuses another key or a tampered value", () => {
    const first = encryptClientSecret("secret-é", KEY);
    const second = encryptClientSecret("secret-é", KEY);

    expect(first).not.toBe(second);
    expect(first).not.toContain("secret");
    expect(decryptClientSecret(first, KEY)).toBe("secret-é");
    expect(decryptClientSecret(first, `${KEY}x`)).toBeNull();
    const [version, iv, tag, body] = first.split(".");
    const otherTag = `${tag![0] === "A" ? "B" : "A"}${tag!.slice(1)}`;
    expect(decryptClientSecret([version, iv, otherTag, body].join("."), KEY)).toBeNull();
    expect(decryptClientSecret("garbage", KEY)).toBeNull();
  });
});
