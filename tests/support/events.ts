import { randomUUID } from "node:crypto";
import type { LearningEventInput } from "@/lib/progress/event-schema";

type Common = { learnerId: string; at: Date; moduleId?: string; moduleVersion?: number; activeSeconds?: number };

function base({ learnerId, at, moduleId = "demo-module", moduleVersion = 1, activeSeconds = 10 }: Common) {
  return { eventId: randomUUID(), learnerId, moduleId, moduleVersion, occurredAt: at.toISOString(), activeSeconds };
}

export const stepViewed = (common: Common, stepId: string): LearningEventInput => ({
  ...base(common),
  kind: "step_viewed",
  stepId,
});

export const scenarioAnswered = (common: Common, stepId: string, choiceId: string): LearningEventInput => ({
  ...base(common),
  kind: "scenario_answered",
  stepId,
  choiceId,
});

export const quizSubmitted = (
  common: Common,
  stepId: string,
  answers: Record<string, string[]>,
): LearningEventInput => ({
  ...base(common),
  kind: "quiz_submitted",
  stepId,
  answers,
});

/** A clean pass through the fixture module demo-module, one event a minute from `start`. */
export function cleanPass(learnerId: string, start: Date): LearningEventInput[] {
  const at = (minute: number) => ({ learnerId, at: new Date(start.getTime() + minute * 60_000) });

  return [
    stepViewed(at(0), "lecon"),
    stepViewed(at(1), "situation"),
    scenarioAnswered(at(2), "situation", "remettre"),
    stepViewed(at(3), "quiz"),
    quizSubmitted(at(4), "quiz", { simple: ["b"], plusieurs: ["a"] }),
    quizSubmitted(at(5), "quiz", { simple: ["a"], plusieurs: ["a", "b"] }),
    stepViewed(at(6), "a-retenir"),
  ];
}
