import { describe, expect, it } from "vitest";
import type { ModuleProgress } from "@/db/schema";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { resumeStepIndex } from "@/lib/progress/resume-step";

const module = loadCatalogue("tests/fixtures/courses").moduleById.get("demo-module")!;
const progress = (values: Partial<ModuleProgress>) =>
  ({ furthestStepIndex: 0, lastStepId: null, completedAt: null, ...values }) as ModuleProgress;

describe("resumeStepIndex", () => {
  it("opens a module never started at its first step", () => {
    expect(resumeStepIndex(module, undefined)).toBe(0);
  });

  it("goes back to the step where the learner stopped", () => {
    expect(resumeStepIndex(module, progress({ furthestStepIndex: 2, lastStepId: "situation" }))).toBe(1);
  });

  it("opens a step from the URL only up to one past the furthest reached", () => {
    const reached = progress({ furthestStepIndex: 1, lastStepId: "situation" });

    expect(resumeStepIndex(module, reached, "quiz")).toBe(2);
    expect(resumeStepIndex(module, reached, "a-retenir")).toBe(1);
    expect(resumeStepIndex(module, reached, "inconnue")).toBe(1);
  });

  it("opens a finished module at its start, for review", () => {
    expect(
      resumeStepIndex(module, progress({ furthestStepIndex: 3, lastStepId: "a-retenir", completedAt: new Date() })),
    ).toBe(0);
  });
});
