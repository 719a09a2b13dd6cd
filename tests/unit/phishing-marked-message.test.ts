import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LandingExplanation } from "@/app/_components/phishing/landing-explanation";
import { MarkedMessageView, type MarkedMessageLabels } from "@/app/_components/phishing/marked-message-view";
import { markClues } from "@/lib/phishing/mark-clues";
import { getPhishingScenario, listPhishingScenarios, type PhishingScenario } from "@/lib/phishing/scenarios";

const labels: MarkedMessageLabels = {
  caption: "Le message reçu",
  from: "De",
  subject: "Objet",
  cluesHeading: "Ce qu'il fallait remarquer",
  clueReference: (number) => `Indice ${number}`,
  showInMessage: "Voir dans le message",
  kinds: {
    sender: "L'expéditeur",
    urgency: "L'urgence",
    link: "Le lien",
    request: "La demande",
    pressure: "La pression",
    attachment: "Le document",
  },
};

describe("markClues", () => {
  it("marks every clue of every scenario once, numbered in reading order, with the link filled", () => {
    for (const scenario of listPhishingScenarios()) {
      const marked = markClues(scenario, "https://vigie.example.org/x");
      const numbers = [...marked.sender, ...marked.subject, ...marked.body].flatMap((segment) =>
        segment.clueNumber ? [segment.clueNumber] : [],
      );

      expect(numbers, scenario.id).toEqual(scenario.clues.map((_clue, index) => index + 1));
      expect(marked.body.map((segment) => segment.text).join("")).toContain("https://vigie.example.org/x");
      expect(marked.body.map((segment) => segment.text).join("")).not.toContain("{{lien}}");
    }
  });

  it("keeps the whole text, with French spacing, around the marks", () => {
    const scenario = getPhishingScenario("dpi-mise-a-jour")!;
    const marked = markClues(scenario, "[lien]");

    expect(marked.subject).toEqual([
      { text: "URGENT", clueNumber: 2 },
      { text: "\u202f: mise à jour du DPI à valider avant ce soir" },
    ]);
    expect(marked.sender.map((segment) => segment.text).join("")).toBe(
      "Support DPI - Service informatique <support-dpi@maj-logiciel-sante.invalid>",
    );
  });
});

describe("MarkedMessageView", () => {
  it("links each numbered mark to its clue and back, and escapes the message's text", () => {
    const scenario: PhishingScenario = {
      id: "essai",
      title: "Essai",
      senderName: "Service <b>",
      senderAddress: "x@y.invalid",
      subject: "Objet",
      text: "Cliquez <script> ici : {{lien}}",
      html: '<a href="{{lien}}">ici</a>',
      landing: { title: "t", explanation: "e" },
      clues: [
        { kind: "link", part: "body", excerpt: "{{lien}}", text: "Le lien : attention" },
        { kind: "sender", part: "sender", excerpt: "Service <b>", text: "Nom" },
      ],
    };
    const html = renderToStaticMarkup(
      createElement(MarkedMessageView, { marked: markClues(scenario, "[lien]"), labels }),
    );

    expect(html).toContain(
      '<mark id="indice-1-marque" tabindex="-1" class="phishing-mark">Service &lt;b&gt;<a href="#indice-1" class="phishing-mark__number" aria-label="Indice 1">1</a></mark>',
    );
    expect(html).toContain('<mark id="indice-2-marque" tabindex="-1" class="phishing-mark">[lien]<a href="#indice-2"');
    expect(html).toContain("Cliquez &lt;script&gt; ici\u202f: ");
    expect(html).toContain('<li id="indice-2" tabindex="-1">');
    expect(html).toContain("<strong>Le lien</strong>");
    expect(html).toContain("Le lien\u202f: attention");
    expect(html).toContain(
      '<a href="#indice-2-marque">Voir dans le message<span class="visually-hidden"> (Indice 2)</span></a>',
    );
  });
});

describe("LandingExplanation", () => {
  it("shows each paragraph of the explanation, escaped and with French spacing", () => {
    const html = renderToStaticMarkup(
      createElement(LandingExplanation, { text: "Un exercice : rien de grave.\n\nVoici <les> indices." }),
    );

    expect(html).toBe(
      '<div class="phishing-explanation"><p>Un exercice\u202f: rien de grave.</p><p>Voici &lt;les&gt; indices.</p></div>',
    );
  });
});
