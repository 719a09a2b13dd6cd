import { describe, expect, it } from "vitest";
import { DEFAULT_ASSIGNMENTS, missingDefaultSubjects } from "@/lib/assignments/default-assignments";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import type { CourseModule } from "@/lib/courses/types";

const catalogue = loadCatalogue();

/** Everything a learner can read in a module: lessons, recaps, scenarios, quiz questions and their feedback. */
function moduleText(module: CourseModule): string {
  return (
    module.steps
      .flatMap((step) => {
        switch (step.kind) {
          case "lesson":
          case "recap":
            return [step.title, step.html];
          case "scenario":
            return [
              step.title,
              step.situationHtml,
              step.question,
              ...step.choices.flatMap((choice) => [choice.text, choice.feedbackHtml]),
            ];
          case "quiz":
            return [
              step.title,
              step.introHtml ?? "",
              ...step.questions.flatMap((question) => [
                question.prompt,
                ...question.choices.map((choice) => choice.text),
                question.explanationHtml,
              ]),
            ];
        }
      })
      .join("\n")
      // The rendered text carries French no-break spaces (lib/i18n/french-typography.ts): compare words.
      .replace(/[\u00a0\u202f]/g, " ")
  );
}

describe("course catalogue", () => {
  it("lists the five modules of the path in order", () => {
    expect(catalogue.pathById.get("bonnes-pratiques")?.moduleIds).toEqual([
      "usages-pro-perso",
      "cles-usb",
      "session-ouverte",
      "deplacements",
      "hameconnage",
    ]);
  });

  it("puts the cyber-incident module in the second path, « Réagir et protéger », with the three modules that go with it", () => {
    const second = catalogue.pathById.get("reagir-et-proteger");

    expect(second?.title).toBe("Cybersécurité — Réagir et protéger");
    expect(second?.moduleIds).toEqual(["cyber-incident", "mode-degrade", "mots-de-passe", "telephone-accueil"]);
    expect(catalogue.pathById.get("bonnes-pratiques")?.moduleIds).not.toContain("cyber-incident");
  });

  it("writes « le hameçonnage » (aspirated h) everywhere, never « l'hameçonnage »", () => {
    for (const module of catalogue.modules) expect(moduleText(module)).not.toMatch(/[ld]['’]hameçonnage/i);
  });

  it("applies French typography to the plain-text fields too (titles, questions, choices), never to the files", () => {
    const module = catalogue.moduleById.get("telephone-accueil")!;
    const quiz = module.steps.find((step) => step.kind === "quiz")!;
    const scenario = module.steps.find((step) => step.kind === "scenario")!;

    expect(quiz.kind === "quiz" && quiz.questions.find((q) => q.id === "fils-au-telephone")!.prompt).toMatch(
      /Que faites-vous\u202f\?$/,
    );
    expect(quiz.kind === "quiz" && quiz.questions.find((q) => q.id === "code-sms-support")!.choices[0]!.text).toContain(
      "Je le lis\u202f: il sait",
    );
    expect(scenario.kind === "scenario" && scenario.question).toBe("Que faites-vous\u202f?");
    expect(module.steps[0]!.title).toBe("Au téléphone\u202f: qui appelle vraiment\u202f?");
  });

  it("gives links words, never a bare web address", () => {
    for (const module of catalogue.modules) {
      const links = [...moduleText(module).matchAll(/<a href="https?:[^"]*"[^>]*>([^<]*)<\/a>/g)].map(
        (match) => match[1]!,
      );

      expect(
        links.filter((text) => /^(https?:\/\/|www\.)/.test(text)),
        module.id,
      ).toEqual([]);
    }
  });
});

describe("cyber-incident module", () => {
  const module = catalogue.moduleById.get("cyber-incident")!;
  const text = moduleText(module);

  it.each([
    ["the decree and the article that make reporting mandatory", "décret n° 2022-715 du 27 avril 2022"],
    ["the article of the public health code", "L.1111-8-2"],
    ["that only significant or serious incidents are declared", "significatifs ou graves"],
    ["that the direction or the RSSI declares", "direction ou de son délégué, le RSSI"],
    ["the CNIL's 72 hours for personal data", "CNIL"],
    ["the GDPR's articles 33 and 34", "article 34"],
    ["the complaint's 72 hours as an insurance condition", "assurance cyber"],
    ["the insurance code's article", "L.12-10-1"],
    ["who files the complaint", "représentant légal"],
    ["the biomedical-device caveat", "appareil biomédical en service sur un patient"],
    ["the CERT Santé phone number", "09 72 43 91 25"],
    ["the CERT Santé address", "cyberveille@esante.gouv.fr"],
    ["the national reporting portal", "signalement.social-sante.gouv.fr"],
    ["the 17Cyber service", "17cyber.gouv.fr"],
  ])("states %s", (_fact, expected) => {
    expect(text).toContain(expected);
  });

  it("no longer asks to memorise the CERT Santé's number, nor presents 72 hours as the complaint's legal deadline", () => {
    const quiz = module.steps.find((step) => step.kind === "quiz")!;

    expect(JSON.stringify(quiz)).not.toContain("Quel est son numéro");
    expect(text).not.toContain("dans quel délai faut-il porter plainte");
    expect(text).not.toContain("7j/7");
  });
});

describe("the three modules of « Réagir et protéger »", () => {
  const text = (id: string) => moduleText(catalogue.moduleById.get(id)!);

  it.each([
    [
      "mots-de-passe",
      [
        "phrase de passe",
        "gestionnaire de mots de passe",
        "e-CPS",
        "Pro Santé Connect",
        "double authentification",
        "comptes individuels",
        "mise en opposition",
      ],
    ],
    [
      "telephone-accueil",
      ["faux support", "fraude au RIB", "FOVI", "réquisition écrite", "impression sécurisée", "Je peux vous aider"],
    ],
    [
      "mode-degrade",
      [
        "kit mode dégradé",
        "plan de continuité d'activité (PCA)",
        "plan de reprise d'activité (PRA)",
        "WhatsApp",
        "ressaisie",
        "les soins continuent",
      ],
    ],
  ] as const)("%s covers what issue 16 asks of it", (id, facts) => {
    for (const fact of facts) expect(text(id)).toContain(fact);
  });

  it.each(["mots-de-passe", "telephone-accueil", "mode-degrade"])(
    "%s has an illustration with a text alternative",
    (id) => {
      const lessons = catalogue.moduleById.get(id)!.steps.filter((step) => step.kind === "lesson" && step.illustration);

      expect(lessons.length).toBeGreaterThan(0);
      for (const lesson of lessons)
        expect(lesson.kind === "lesson" && lesson.illustration!.alt.length).toBeGreaterThan(40);
    },
  );
});

describe("default assignments", () => {
  it("name subjects of the catalogue, and give every new establishment the incident module", () => {
    expect(missingDefaultSubjects(catalogue)).toEqual([]);
    expect(DEFAULT_ASSIGNMENTS).toContainEqual({ subjectType: "module", subjectId: "cyber-incident" });
  });
});
