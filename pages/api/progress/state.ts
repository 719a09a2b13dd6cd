// The learner's state of a module, for a player whose page did not render it (the prerendered
// shell of issue 19, docs/prerendered-module-shell.md): a Pages Router API route next to the
// events route, for the same reason (far less server CPU per request than a route handler).
import type { NextApiRequest, NextApiResponse } from "next";
import { getDb } from "@/db/client";
import { learnerForApi } from "@/lib/auth/guards";
import { getViewer } from "@/lib/auth/viewer";
import { getCatalogue } from "@/lib/courses/get-catalogue";
import { appMode } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { errorAnswer } from "@/lib/http/json-error";
import { webRequestView } from "@/lib/http/node-request";
import { requesterLocale } from "@/lib/i18n/requester-locale";
import { getLearnerModuleState } from "@/lib/progress/get-learner-module-state";
import type { ModuleStateAnswer } from "@/lib/progress/module-state-answer";
import { invalidStateQueryMessage, stateQuerySchema } from "@/lib/progress/state-query";

class InvalidQueryError extends AppError {
  constructor(detail: string) {
    super("bad_request", detail);
  }
}

/**
 * GET /api/progress/state?module=<id>[&etape=<step id>]: the signed-in learner's state of that
 * module at its current version (lib/progress/get-learner-module-state.ts), in the establishment
 * they work in now. Access is the module page's (learnerForApi, the route side of requireLearner):
 * signed out 401 (second_factor_required for a session that owes its second factor), no
 * establishment 403, several and none chosen 409; an unknown module is 404. The answer also says
 * what the prerendered shell draws around the player (ModuleStateAnswer).
 */
export default async function handler(request: NextApiRequest, response: NextApiResponse) {
  if (request.method !== "GET") return void response.setHeader("Allow", "GET").status(405).end();
  const view = webRequestView(request);
  response.setHeader("Cache-Control", "no-store");
  try {
    const learner = await learnerForApi(view);
    const query = stateQuerySchema.safeParse(request.query);
    if (!query.success) throw new InvalidQueryError(query.error.issues.map((i) => i.path.join(".")).join(", "));
    const module = getCatalogue().moduleById.get(query.data.module);
    if (!module) throw new AppError("not_found", `module ${query.data.module}`);
    const { db } = await getDb();
    const [state, viewer] = await Promise.all([
      getLearnerModuleState(db, { learner, module, requestedStepId: query.data.etape }),
      getViewer(db, { actor: learner.actor, currentEstablishmentId: learner.membership.organisationId }),
    ]);
    const answer: ModuleStateAnswer = { ...state, viewer, isDemo: appMode() === "demo" };

    response.status(200).json(answer);
  } catch (error) {
    const extra =
      error instanceof InvalidQueryError ? { message: invalidStateQueryMessage(requesterLocale(view)) } : {};
    const { status, body, headers } = errorAnswer(error, view, extra);
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.status(status).json(body);
  }
}
