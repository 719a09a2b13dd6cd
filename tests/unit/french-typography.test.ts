import { describe, expect, it } from "vitest";
import { frenchTypography } from "@/lib/i18n/french-typography";
import { messages } from "@/lib/i18n/messages";
import { renderMarkdown } from "@/lib/courses/render-markdown";

describe("French typography at render time", () => {
  it("puts a narrow no-break space before ; : ! ? and inside « »", () => {
    expect(frenchTypography("Que faites-vous ? Ceci : cela ; oui ! « Bonjour »")).toBe(
      "Que faites-vous\u202f? Ceci\u202f: cela\u202f; oui\u202f! «\u202fBonjour\u202f»",
    );
  });

  it("puts a narrow no-break space before %, also in place of a no-break space", () => {
    expect(frenchTypography("Il faut au moins 80 % ; soit 80\u00a0%.")).toBe(
      "Il faut au moins 80\u202f%\u202f; soit 80\u202f%.",
    );
  });

  it("keeps a phone number on one line, with no-break spaces", () => {
    expect(frenchTypography("Appelez le 09 72 43 91 25 tout de suite")).toBe(
      "Appelez le 09\u00a072\u00a043\u00a091\u00a025 tout de suite",
    );
  });

  it("leaves URLs, times and text without such marks alone", () => {
    expect(frenchTypography("https://signalement.social-sante.gouv.fr/ à 3 h")).toBe(
      "https://signalement.social-sante.gouv.fr/ à 3 h",
    );
  });

  it("applies to the text of rendered Markdown, not to link targets or code", () => {
    const html = renderMarkdown("Le CERT : [09 72 43 91 25](tel:+33972439125) et `a : b` ?");

    expect(html).toContain('Le CERT\u202f: <a href="tel:+33972439125">09\u00a072\u00a043\u00a091\u00a025</a>');
    expect(html).toContain("<code>a : b</code>\u202f?");
  });
});

function texts(value: unknown, path: string): Array<[string, string]> {
  if (typeof value === "string") return [[path, value]];

  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => texts(child, `${path}.${key}`));
}

describe("French typography of the interface messages", () => {
  it("gives every French message a narrow no-break space before ; : ! ? % and inside « »", () => {
    const wrong = texts(messages.fr, "fr").filter(([, text]) => /[ \u00a0][;:!?%]|«[ \u00a0]|[ \u00a0]»/.test(text));

    expect(wrong.map(([path]) => path)).toEqual([]);
    expect(messages.fr.shell.demoBanner).toMatch(/^Démonstration\u202f: ce site/);
    expect(messages.fr.managerCertificates.search.results).toContain("correspond à «\u202f{search}\u202f».");
  });

  it("leaves the English messages as they are", () => {
    expect(texts(messages.en, "en").filter(([, text]) => text.includes("\u202f"))).toEqual([]);
  });
});
