import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { parseRoster } from "@/lib/enrolment/parse-roster";
import { AppError, errorCodes } from "@/lib/errors";
import { validationCatalogues, validationMessages } from "@/lib/i18n/validation-messages";
import { ssoSettingsSchemaFor } from "@/lib/sso/sso-settings-schema";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];

  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

function textAt(catalogue: unknown, key: string): unknown {
  return key
    .split(".")
    .reduce<unknown>((value, part) => (value as Record<string, unknown> | undefined)?.[part], catalogue);
}

// The lib/ files that translate, and the keys they name: always a literal, so that this test sees them
// all, except AppError's message, named after its code (lib/errors.ts).
const LIB = path.join(__dirname, "../../lib");
const translating = readdirSync(LIB, { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith(".ts"))
  .map((file) => ({ file, source: readFileSync(path.join(LIB, file), "utf8") }))
  .filter(({ source }) => source.includes("validation-messages"));
const used = [
  ...translating.flatMap(({ file, source }) =>
    [...source.matchAll(/(?:\bt|validationMessages\([^)]*\))\(\s*"([^"]+)"/g)].map(([, key]) => ({ file, key: key! })),
  ),
  ...Object.keys(errorCodes).map((code) => ({ file: "errors.ts", key: `appErrors.${code}` })),
];

describe("the catalogues of what lib/ returns to forms", () => {
  it("has every French text in English too, and nothing more, and no empty text", () => {
    expect(keys(validationCatalogues.en).sort()).toEqual(keys(validationCatalogues.fr).sort());
    expect(keys(validationCatalogues.fr).filter((key) => textAt(validationCatalogues.fr, key) === "")).toEqual([]);
    expect(keys(validationCatalogues.en).filter((key) => textAt(validationCatalogues.en, key) === "")).toEqual([]);
  });

  it("holds every key lib/ uses, in French and in English", () => {
    expect(used.length).toBeGreaterThan(0);
    const missing = used.flatMap(({ file, key }) =>
      (["fr", "en"] as const)
        .filter((locale) => typeof textAt(validationCatalogues[locale], key) !== "string")
        .map((locale) => `${locale}: ${key} (${file})`),
    );

    expect(missing).toEqual([]);
  });

  it("is only read with literal keys in lib/", () => {
    const dynamic = translating.filter(({ source }) => /\bt\(\s*[^"\s)]/.test(source)).map(({ file }) => file);

    expect(dynamic).toEqual([]);
  });

  it("has no key that lib/ no longer uses", () => {
    const usedKeys = new Set(used.map(({ key }) => key));

    expect(keys(validationCatalogues.fr).filter((key) => !usedKeys.has(key))).toEqual([]);
  });

  it("formats every text with placeholders without an ICU error", () => {
    const broken: string[] = [];
    for (const locale of ["fr", "en"] as const) {
      const t = createTranslator({
        locale,
        messages: validationCatalogues[locale],
        onError: (error) => broken.push(`${locale}: ${error.message}`),
      });
      for (const key of keys(validationCatalogues[locale])) {
        const text = String(textAt(validationCatalogues[locale], key));
        t(key as never, Object.fromEntries([...text.matchAll(/\{(\w+)/g)].map(([, name]) => [name!, 2])) as never);
      }
    }

    expect(broken).toEqual([]);
  });

  it("speaks French unless told otherwise", () => {
    expect(validationMessages()("incidentContact.nameMissing")).toBe("Saisissez le nom du contact.");
    expect(validationMessages("en")("incidentContact.nameMissing")).toBe("Enter the contact's name.");
  });
});

describe("what lib/ returns to a form", () => {
  const roster = new TextEncoder().encode("Nom;E-mail\nAna;pas-une-adresse\n");

  it("is in English when the reader reads English", () => {
    expect(parseRoster(roster, "en").rows[0]?.errors).toEqual(['Invalid e-mail address: "pas-une-adresse".']);
    const sso = ssoSettingsSchemaFor("en").safeParse({ displayName: "PSC", issuer: "", clientId: "vigie" });
    expect(sso.success ? [] : sso.error.issues.map((issue) => issue.message)).toEqual([
      "Enter the issuer URL, such as https://auth.exemple.fr/realms/chu.",
    ]);
    expect(new AppError("rate_limited").userMessage("en")).toBe("Too many attempts: try again in a few minutes.");
  });

  it("is in French otherwise, as it was", () => {
    expect(parseRoster(roster).rows[0]?.errors).toEqual(["Adresse e-mail invalide : « pas-une-adresse »."]);
    expect(new AppError("rate_limited").userMessage()).toBe("Trop de tentatives : réessayez dans quelques minutes.");
  });
});
