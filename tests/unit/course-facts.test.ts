import { describe, expect, it } from "vitest";
import { DEFAULT_ASSIGNMENTS, missingDefaultSubjects } from "@/lib/assignments/default-assignments";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import type { CourseModule } from "@/lib/courses/types";

const catalogue = loadCatalogue();

/** Everything a learner can read in a module: lessons, recaps, scenarios, quiz questions and their feedback. */
function moduleText(module: CourseModule): string {
  return module.steps
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
    // The rendered text carries French no-break spaces (lib/courses/french-typography.ts): compare words.
    .replace(/[\u00a0\u202f]/g, " ");
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

  it("keeps the cyber-incident module outside the path", () => {
    expect(catalogue.moduleById.has("cyber-incident")).toBe(true);
    expect(catalogue.pathById.get("bonnes-pratiques")?.moduleIds).not.toContain("cyber-incident");
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

describe("default assignments", () => {
  it("name subjects of the catalogue, and give every new establishment the incident module", () => {
    expect(missingDefaultSubjects(catalogue)).toEqual([]);
    expect(DEFAULT_ASSIGNMENTS).toContainEqual({ subjectType: "module", subjectId: "cyber-incident" });
  });
});
