import { describe, expect, it } from "vitest";
import { isCourseId } from "@/lib/courses/course-id";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { learningEventSchema } from "@/lib/progress/event-schema";
import { stateQuerySchema } from "@/lib/progress/state-query";
import { loadModuleState } from "@/app/(site)/(learner)/modules/[moduleId]/_components/load-module-state";

/** Every id the real courses use: paths, modules, steps, quiz questions and objectives, choices. */
function realIds(): string[] {
  const catalogue = loadCatalogue();
  const ids = catalogue.paths.flatMap((path) => [path.id, ...path.moduleIds]);
  for (const module of catalogue.modules) {
    ids.push(module.id);
    for (const step of module.steps) {
      ids.push(step.id);
      if (step.kind === "scenario") ids.push(...step.choices.map((choice) => choice.id));
      if (step.kind === "quiz") {
        ids.push(...step.objectives.map((objective) => objective.id));
        for (const question of step.questions) ids.push(question.id, ...question.choices.map((choice) => choice.id));
      }
    }
  }

  return [...new Set(ids)];
}

const REFUSED = ["", "Cles-usb", "cles_usb", "cles--usb", "-cles", "cles-", "clés", "cles usb", "a".repeat(81), "../x"];

describe("a course id", () => {
  it("is how every id of the real courses is written", () => {
    const ids = realIds();

    expect(ids.length).toBeGreaterThan(50);
    expect(ids.filter((id) => !isCourseId(id))).toEqual([]);
  });

  it("is lower-case words of letters and digits joined by single hyphens, at most 80 characters", () => {
    expect(["cles-usb", "01-le-risque", "q1", "a".repeat(80)].every(isCourseId)).toBe(true);
    expect(REFUSED.filter(isCourseId)).toEqual([]);
  });

  it("is the same rule for the state query, the progress events and the player", async () => {
    const event = (moduleId: string) => ({
      eventId: crypto.randomUUID(),
      learnerId: crypto.randomUUID(),
      moduleId,
      moduleVersion: 1,
      kind: "step_viewed",
      stepId: "01-le-risque",
      occurredAt: new Date().toISOString(),
    });
    const asked: string[] = [];
    const fetchState = (async (url: string) => {
      asked.push(url);
      return new Response("{}", { status: 404 });
    }) as typeof fetch;

    for (const id of [...REFUSED, "cles-usb", "a".repeat(80)]) {
      const expected = isCourseId(id);
      expect(stateQuerySchema.safeParse({ module: id }).success, id).toBe(expected);
      expect(stateQuerySchema.safeParse({ module: "cles-usb", etape: id }).success, id).toBe(expected);
      expect(learningEventSchema.safeParse(event(id)).success, id).toBe(expected);
      asked.length = 0;
      await loadModuleState(
        { id: "cles-usb", version: 1 },
        { pathname: "/modules/cles-usb", search: `?${new URLSearchParams({ etape: id })}` },
        fetchState,
      );
      expect(asked[0]!.includes("etape="), id).toBe(expected);
    }
  });
});
