// The player's hot path is a Pages Router API route, not an App Router route handler: with
// the same work, the handler's framework cost (a web Request and its body stream, the response
// piped back through web streams) took about 45 % more server CPU per request, and one Node
// process serves every request (bench:progress, docs/performance.md). The rules are the same.
import type { NextApiRequest, NextApiResponse } from "next";
import { getDb } from "@/db/client";
import { isDatabaseUnavailable } from "@/db/database-unavailable";
import { chosenOrganisationId, currentEstablishmentCookie } from "@/lib/auth/current-establishment";
import { learnerForApi, sessionClaimsForApi } from "@/lib/auth/guards";
import { sessionWindow } from "@/lib/auth/session-policy";
import { getCatalogue } from "@/lib/courses/get-catalogue";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { errorAnswer } from "@/lib/http/json-error";
import { readNodeJson, webRequestView } from "@/lib/http/node-request";
import { isSameOrigin } from "@/lib/http/same-origin";
import { requesterLocale } from "@/lib/i18n/requester-locale";
import { MAX_BATCH_BYTES, eventBatchSchema, invalidBatchMessage } from "@/lib/progress/event-schema";
import { EventsRejectedError, recordSessionEvents } from "@/lib/progress/record-events";
import { withExplanations } from "@/lib/progress/with-explanations";

// The body is read by readNodeJson, with the batch's own size limit.
export const config = { api: { bodyParser: false } };

class InvalidBatchError extends AppError {
  constructor(readonly issues: string[]) {
    super("bad_request", issues.join("; "));
  }
}

/**
 * POST /api/progress/events: records a batch of the signed-in learner's events (see
 * lib/progress/record-events.ts). The account and its session are re-read by the write itself (one round trip);
 * whenever the batch is refused, the full guard runs first, so that a signed-out or
 * deactivated user is told that rather than what was wrong with the batch.
 */
export default async function handler(request: NextApiRequest, response: NextApiResponse) {
  if (request.method !== "POST") return void response.setHeader("Allow", "POST").status(405).end();
  const view = webRequestView(request);
  try {
    if (!isSameOrigin(view, env().APP_URL)) throw new AppError("forbidden", "cross-site request");
    const { userId, sessionId } = await sessionClaimsForApi(view);
    const { db } = await getDb();
    const catalogue = getCatalogue();
    const { events, result } = await recordOrExplain(view, async () => {
      const parsed = eventBatchSchema.safeParse(await readNodeJson(request, MAX_BATCH_BYTES));
      if (!parsed.success)
        throw new InvalidBatchError(parsed.error.issues.slice(0, 10).map((i) => `${i.path.join(".")}: ${i.message}`));
      const chosen = chosenOrganisationId(currentEstablishmentCookie(view.headers), userId);
      const result = await recordSessionEvents(db, {
        userId,
        session: { id: sessionId, ...sessionWindow() },
        chosenOrganisationId: chosen,
        events: parsed.data.events,
        catalogue,
      });
      if (!result) throw new AppError("unauthenticated", "no active learner membership");

      return { events: parsed.data.events, result };
    });
    const outcomes = result.outcomes.map((outcome, index) => {
      const event = events[index]!;
      return outcome.quizResult
        ? { ...outcome, quizResult: withExplanations(catalogue, event, outcome.quizResult) }
        : outcome;
    });

    response.setHeader("Cache-Control", "no-store").status(200).json({ outcomes });
  } catch (error) {
    const extra =
      error instanceof InvalidBatchError
        ? { message: invalidBatchMessage(requesterLocale(view)), issues: error.issues }
        : error instanceof EventsRejectedError
          ? { rejected: error.rejections }
          : {};
    const { status, body, headers } = errorAnswer(error, view, extra);
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.status(status).json(body);
  }
}

/**
 * Runs the write; on any refusal, the guard's answer (401, 403) comes before the batch's. A
 * database that cannot serve is not asked again: the request fails once, with a 503.
 */
async function recordOrExplain<T>(request: Pick<Request, "headers">, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw error;
    await learnerForApi(request);
    throw error;
  }
}
