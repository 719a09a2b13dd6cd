import type { PendingEvent } from "./event-queue";

/** The furthest and the latest step this device viewed but has not sent yet, or null. */
export function furthestPendingStep(
  pending: PendingEvent[],
  moduleId: string,
  steps: readonly { id: string }[],
): { latest: number; furthest: number } | null {
  const indexes = pending
    .filter((event) => event.moduleId === moduleId && event.kind === "step_viewed")
    .map((event) => steps.findIndex((step) => step.id === event.stepId))
    .filter((index) => index >= 0);
  const latest = indexes.at(-1);

  return latest === undefined ? null : { latest, furthest: Math.max(...indexes) };
}

/**
 * An inline script, run while the server's HTML is parsed: when this device holds unsent steps
 * beyond the server's, it hides the step (data-resuming) until the player has moved to the right
 * one after hydration, so that the learner never sees the server's step and then a jump. It
 * gives up after 3 s (the player's JavaScript failed to load).
 */
export function resumeMarkScript(
  learnerId: string,
  moduleId: string,
  stepIds: string[],
  initialStepIndex: number,
): string {
  const data = JSON.stringify({
    key: `vigie.pending-events.v1.${learnerId}`,
    moduleId,
    stepIds,
    initialStepIndex,
  }).replace(/</g, "\\u003c");

  return `(function(d,el){try{var p=JSON.parse(localStorage.getItem(d.key)||"[]");if(!p.some(function(e){return e.moduleId===d.moduleId&&e.kind==="step_viewed"&&d.stepIds.indexOf(e.stepId)>d.initialStepIndex}))return;el.setAttribute("data-resuming","");setTimeout(function(){el.removeAttribute("data-resuming")},3000)}catch(e){}})(${data},document.currentScript.parentElement)`;
}
