import { contentCopies, contentProblems } from "../support/content-copies";
import { describe, expect, it } from "vitest";
import { findRealHosts } from "@/lib/phishing/check-domains";
import { DEFAULT_PHISHING_DIR, loadPhishingScenarios, renderPhishingMessage } from "@/lib/phishing/scenarios";

const FILE = "dpi-mise-a-jour.yaml";
const copyWithChange = contentCopies(DEFAULT_PHISHING_DIR);
/** A copy of the real scenarios with one file changed. */
const scenariosWith = (change: (source: string) => string, file = FILE) => copyWithChange(file, change);
const problems = (root: string) => contentProblems(loadPhishingScenarios, root);

describe("loadPhishingScenarios", () => {
  it("loads every scenario of courses/phishing, sorted by id, each with its clues", () => {
    const scenarios = loadPhishingScenarios();

    expect(scenarios.length).toBeGreaterThanOrEqual(6);
    expect(scenarios.map((s) => s.id)).toEqual(scenarios.map((s) => s.id).sort());
    for (const scenario of scenarios) {
      expect(scenario.clues.map((clue) => clue.kind)).toEqual(expect.arrayContaining(["sender", "link", "request"]));
      expect(scenario.senderAddress).toMatch(/\.(invalid|example\.(com|net|org))$/);
    }
  });

  it.each([
    [
      "a real domain in the sender's address",
      (s: string) => s.replace("maj-logiciel-sante.invalid", "maj-logiciel-sante.fr"),
      'names "maj-logiciel-sante.fr", which could exist',
    ],
    [
      "a real web address in the text",
      (s: string) => s.replace("Munissez-vous", "Voir https://www.ameli.fr/pro. Munissez-vous"),
      'names "www.ameli.fr"',
    ],
    ["a real domain in a comment", (s: string) => `# copié de support@chu-lyon.fr\n${s}`, 'names "chu-lyon.fr"'],
    [
      "a real domain hidden behind an HTML entity",
      (s: string) => s.replace("<p>Bonjour,</p>", "<p>Bonjour, voir ameli&#46;fr</p>"),
      'html: names "ameli.fr"',
    ],
    [
      "a text body without the placeholder",
      (s: string) => s.replace("Validez votre compte ici : {{lien}}", "Validez votre compte."),
      "text: must contain {{lien}} exactly once (found 0)",
    ],
    [
      "an HTML body with the placeholder twice",
      (s: string) => s.replace("<p>Bonjour,</p>", '<p><a href="{{lien}}">Bonjour</a>,</p>'),
      "html: must contain {{lien}} exactly once (found 2)",
    ],
    [
      "an excerpt that is not in the message",
      (s: string) => s.replace("excerpt: avant ce soir 18 h", "excerpt: avant demain midi"),
      'clues.2.excerpt: "avant demain midi" does not occur in the text body',
    ],
    [
      "an excerpt found in the text but not in the HTML",
      (s: string) =>
        s
          .replace("Le support DPI</p>", "Support</p>")
          .replace("excerpt: avant ce soir 18 h", "excerpt: Le support DPI"),
      "occurs in the text body but not in the HTML body",
    ],
    [
      "two excerpts that overlap",
      (s: string) =>
        s.replace(
          "excerpt: votre identifiant et de votre mot de passe habituels",
          "excerpt: valider votre compte avant ce soir",
        ),
      "overlap in the body",
    ],
    [
      "a script tag",
      (s: string) => s.replace("<p>Bonjour,</p>", "<p>Bonjour,</p><script>alert(1)</script>"),
      "html: <script> is not allowed",
    ],
    [
      "a form",
      (s: string) => s.replace("<p>Bonjour,</p>", '<form><input name="password"></form>'),
      "html: <form> is not allowed",
    ],
    [
      "an image",
      (s: string) => s.replace("<p>Bonjour,</p>", '<img src="https://x.example.com/pixel.png">'),
      "html: <img> is not allowed",
    ],
    [
      "a style that loads an image",
      (s: string) =>
        s.replace('style="font-family', 'style="background: url(https://x.example.com/a.png); font-family'),
      "must not load or run anything",
    ],
    [
      "an event handler",
      (s: string) => s.replace("<p>Bonjour,</p>", '<p onclick="x()">Bonjour,</p>'),
      "attribute onclick on <p> is not allowed",
    ],
    [
      "a link elsewhere than the exercise",
      (s: string) => s.replace("<p>Bonjour,</p>", '<p><a href="https://x.example.com/">Bonjour</a>,</p>'),
      'a link may only point at {{lien}} (found href="https://x.example.com/")',
    ],
    [
      "an id other than the file name",
      (s: string) => s.replace("id: dpi-mise-a-jour", "id: dpi"),
      'id: must equal the file name "dpi-mise-a-jour"',
    ],
    ["an unknown clue kind", (s: string) => s.replace("kind: urgency", "kind: panique"), "clues.1.kind: "],
  ])("refuses %s with the file, the field and the reason", (_name, change, expected) => {
    const found = problems(scenariosWith(change));

    expect(
      found.some((problem) => problem.startsWith(`courses/phishing/${FILE}: `) && problem.includes(expected)),
      found.join("\n"),
    ).toBe(true);
  });
});

describe("findRealHosts", () => {
  it("finds hosts in URLs, addresses and bare names, and lets reserved names and file names pass", () => {
    expect(findRealHosts("https://portail.example.org/x a@b.invalid c.example voir compte.pdf")).toEqual([]);
    expect(findRealHosts("http://user@evil.fr:8080/ x@sante.gouv.fr ameli.fr example.com.evil.fr")).toEqual([
      "evil.fr",
      "sante.gouv.fr",
      "ameli.fr",
      "example.com.evil.fr",
    ]);
  });
});

describe("renderPhishingMessage", () => {
  const scenario = { subject: "Objet", text: "Cliquez : {{lien}}", html: '<a href="{{lien}}">ici</a>' };

  it("puts the link in both bodies, HTML-escaped in the HTML one", () => {
    const link = "https://vigie.example.org/e/abc?x=1&y='2'";
    const message = renderPhishingMessage(scenario, link);

    expect(message).toEqual({
      subject: "Objet",
      text: `Cliquez : ${link}`,
      html: '<a href="https://vigie.example.org/e/abc?x=1&amp;y=&#39;2&#39;">ici</a>',
    });
  });

  it("takes the link literally, $ signs included", () => {
    expect(renderPhishingMessage(scenario, "https://vigie.example.org/e/$&$'").text).toBe(
      "Cliquez : https://vigie.example.org/e/$&$'",
    );
  });

  it("refuses a link that is not an http(s) URL or that could break out of the attribute", () => {
    expect(() => renderPhishingMessage(scenario, "javascript:alert(1)")).toThrow(/http\(s\) URL/);
    expect(() => renderPhishingMessage(scenario, 'https://x.example.org/"><script>')).toThrow(/http\(s\) URL/);
  });
});
