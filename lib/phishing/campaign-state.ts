import type { PhishingExerciseState } from "@/db/schema";
import type { ExerciseStateChange } from "./change-exercise-state";

/**
 * A centre exercise's state, read from its parts' (there is no state of its own to drift from
 * them): cancelled when every part is, else draft while a part waits for the launch, else
 * running while one runs, paused while one is paused, else done.
 */
export function campaignState(parts: readonly PhishingExerciseState[]): PhishingExerciseState {
  if (parts.every((state) => state === "cancelled")) return "cancelled";
  for (const state of ["draft", "running", "paused"] as const) if (parts.includes(state)) return state;

  return "done";
}

export type CampaignActions = { launch: boolean; changes: ExerciseStateChange[] };

/** What the centre can do with its exercise: each applies to the parts in the state it changes. */
export function campaignActions(parts: readonly PhishingExerciseState[]): CampaignActions {
  const has = (state: PhishingExerciseState) => parts.includes(state);
  const changes: ExerciseStateChange[] = [];
  if (has("running")) changes.push("pause");
  if (has("paused")) changes.push("resume");
  if (has("draft") || has("running") || has("paused")) changes.push("cancel");

  return { launch: has("draft"), changes };
}
