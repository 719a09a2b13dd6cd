"use client";

import type { PublicModule } from "@/lib/courses/public-module";
import type { LearnerModuleState } from "@/lib/progress/get-learner-module-state";
import type { CompletionProps } from "./completion";
import { FetchedStatePlayer } from "./fetched-state-player";
import { LearnerPlayer } from "./learner-player";

export type PlayerProps = {
  /** The module's content, the same for every learner (moduleContent: its quiz without questions). */
  module: PublicModule;
  /**
   * The learner's state when the page rendered it (the module page: one request, as before).
   * Without it, as in a page prerendered for everyone, the player asks GET /api/progress/state.
   */
  state?: LearnerModuleState;
  place: CompletionProps["place"];
  /** This response's script nonce (Content-Security-Policy), for the inline resume check. */
  nonce?: string;
};

export function Player({ module, state, place, nonce }: PlayerProps) {
  if (!state) return <FetchedStatePlayer content={module} place={place} />;

  return <LearnerPlayer content={module} state={state} place={place} nonce={nonce} serverRendered />;
}
