import { describe, expect, it } from "vitest";
import { estimateMinutes } from "@/lib/courses/estimate-duration";
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
    .join("\n");
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

  it.each(catalogue.modules.map((module) => [module.id, module] as const))(
    "estimates %s at between 5 and 9 minutes",
    (_id, module) => {
      const minutes = estimateMinutes(module);

      expect(minutes).toBeGreaterThanOrEqual(5);
      expect(minutes).toBeLessThanOrEqual(9);
    },
  );
});

describe("cyber-incident module", () => {
  const text = moduleText(catalogue.moduleById.get("cyber-incident")!);

  it.each([
    ["the decree that makes reporting mandatory", "2022-715"],
    ["the deadline for filing a complaint", "72 heures"],
    ["the CERT Santé phone number", "09 72 43 91 25"],
    ["the CERT Santé address", "cyberveille@esante.gouv.fr"],
    ["the national reporting portal", "signalement.social-sante.gouv.fr"],
  ])("states %s", (_fact, expected) => {
    expect(text).toContain(expected);
  });
});
