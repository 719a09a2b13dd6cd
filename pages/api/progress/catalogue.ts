// The learner's part of the catalogue, for the catalogue's prerendered shell (issue 19,
// docs/prerendered-module-shell.md): a Pages Router API route next to the module state route,
// for the same reason (far less server CPU per request than a route handler).
import type { NextApiRequest, NextApiResponse } from "next";
import { getDb } from "@/db/client";
import { learnerForApi } from "@/lib/auth/guards";
import { getViewer } from "@/lib/auth/viewer";
import { listLearnerAssignments } from "@/lib/assignments/list-learner-assignments";
import { getCatalogue } from "@/lib/courses/get-catalogue";
import { appMode } from "@/lib/env";
import { errorAnswer } from "@/lib/http/json-error";
import { webRequestView } from "@/lib/http/node-request";
import { type CatalogueStateAnswer, catalogueStateOf } from "@/lib/progress/catalogue-state";
import { buildCatalogueView } from "@/lib/progress/catalogue-view";
import { listLearnerProgress } from "@/lib/progress/queries";

/**
 * GET /api/progress/catalogue: the signed-in learner's catalogue state, as the catalogue page
 * rendered per request computes it (buildCatalogueView and listLearnerAssignments), in the
 * establishment they work in now, with the header's viewer and whether this is the demo. Access
 * is the catalogue page's (learnerForApi, the route side of requireLearner): signed out 401
 * (second_factor_required for a session that owes its second factor), no establishment 403,
 * several and none chosen 409.
 */
export default async function handler(request: NextApiRequest, response: NextApiResponse) {
  if (request.method !== "GET") return void response.setHeader("Allow", "GET").status(405).end();
  const view = webRequestView(request);
  response.setHeader("Cache-Control", "no-store");
  try {
    const { actor, membership } = await learnerForApi(view);
    const { db } = await getDb();
    const catalogue = getCatalogue();
    const [state, viewer] = await Promise.all([
      listLearnerProgress(db, actor.userId).then(async (progress) =>
        catalogueStateOf(
          buildCatalogueView(catalogue, progress),
          await listLearnerAssignments(db, {
            organisationId: membership.organisationId,
            userId: actor.userId,
            teamId: membership.teamId,
            catalogue,
            progress,
            asOf: new Date(),
          }),
        ),
      ),
      getViewer(db, { actor, currentEstablishmentId: membership.organisationId }),
    ]);
    const answer: CatalogueStateAnswer = { ...state, viewer, isDemo: appMode() === "demo" };

    response.status(200).json(answer);
  } catch (error) {
    const { status, body, headers } = errorAnswer(error, view);
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.status(status).json(body);
  }
}
