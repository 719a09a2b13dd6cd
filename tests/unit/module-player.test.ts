import { type ReactNode, createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LightMessagesProvider } from "@/app/_components/light-messages";
import { Player } from "@/app/(site)/(learner)/modules/[moduleId]/_components/player";
import { moduleContent, publicQuizDraw } from "@/lib/courses/public-module";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import type { QuizStep } from "@/lib/courses/types";
import { messages } from "@/lib/i18n/messages";
import type { LearnerModuleState } from "@/lib/progress/get-learner-module-state";

// The player's first HTML (what the server sends, before any effect runs), in both of its paths.
// A real browser takes the given path in tests/e2e/player/; the fetched path has no page of its
// own until the prerendered shell exists (docs/prerendered-module-shell.md, step 3).
const module = loadCatalogue().moduleById.get("cles-usb")!;
const quizIndex = module.steps.findIndex((step) => step.kind === "quiz");
const quiz = module.steps[quizIndex] as QuizStep;
// One draw: the first variant of each objective, choices as written.
const draw = {
  id: "00000000-0000-4000-8000-000000000001",
  questions: quiz.objectives.map(({ questionIds }) => ({
    questionId: questionIds[0]!,
    choiceIds: quiz.questions.find((q) => q.id === questionIds[0])!.choices.map((c) => c.id),
  })),
};
const drawnPrompts = draw.questions.map(({ questionId }) => quiz.questions.find((q) => q.id === questionId)!.prompt);

// The player's French messages, as the module page's layout gives them (LightClientMessages).
const InFrench = ({ children }: { children?: ReactNode }) =>
  LightMessagesProvider({ locale: "fr", messages: { player: messages.fr.player }, children });

const render = (state?: LearnerModuleState) =>
  renderToStaticMarkup(
    createElement(
      InFrench,
      null,
      createElement(Player, { module: moduleContent(module), state, place: null, nonce: "n0nce" }),
    ),
  );

const escaped = (text: string) => renderToStaticMarkup(createElement("p", null, text)).slice(3, -4);

describe("the module player", () => {
  it("without a state, shows no step and no inline script, busy, until its state arrives", () => {
    const html = render();

    expect(html).toContain('aria-busy="true"');
    expect(html).toContain("Chargement de votre progression");
    expect(html).toContain(escaped(module.title));
    expect(html).not.toContain("<h1");
    expect(html).not.toContain("<script");
    for (const step of module.steps) expect(html).not.toContain(escaped(step.title));
    for (const question of quiz.questions) expect(html).not.toContain(escaped(question.prompt));
  });

  it("with the page's state, renders the learner's step at once, with the inline resume check and the drawn questions only", () => {
    const state: LearnerModuleState = {
      moduleId: module.id,
      moduleVersion: module.version,
      learner: { id: "11111111-1111-4111-8111-111111111111", name: "Zoë Œuvray", establishmentName: "CH" },
      quiz: publicQuizDraw(module, draw),
      stepIndex: quizIndex,
      furthestStepIndex: quizIndex,
      quizPassed: false,
      completed: false,
      showCompletion: false,
    };
    const html = render(state);

    expect(html).not.toContain("aria-busy");
    expect(html).toContain(`<h1 id="step-title" tabindex="-1">${escaped(quiz.title)}</h1>`);
    expect(html).toContain('<script nonce="n0nce">');
    expect(html).toContain(`vigie.pending-events.v1.${state.learner.id}`);
    for (const prompt of drawnPrompts) expect(html).toContain(escaped(prompt));
    const undrawn = quiz.questions.filter((q) => !draw.questions.some((d) => d.questionId === q.id));
    for (const question of undrawn) expect(html).not.toContain(escaped(question.prompt));
  });
});
