import type { Viewer } from "@/lib/auth/viewer";
import type { LearnerModuleState } from "./get-learner-module-state";

/**
 * GET /api/progress/state's answer: the learner's state of the module, and what the prerendered
 * shell draws around the player once it knows who is there (the header, the demo banner, the
 * managers' SCORM download), since the shell's HTML holds nothing of a person.
 */
export type ModuleStateAnswer = LearnerModuleState & ShellAnswer;

/** What every state route of a prerendered shell answers besides the page's own state (module, catalogue). */
export type ShellAnswer = { viewer: Viewer; isDemo: boolean };
