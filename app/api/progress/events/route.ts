import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { learnerForApi, sessionUserIdForApi } from "@/lib/auth/guards";
import { getCatalogue } from "@/lib/courses/get-catalogue";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { isSameOrigin } from "@/lib/http/same-origin";
import { jsonError } from "@/lib/http/json-error";
import { readJson } from "@/lib/http/read-json";
import { MAX_BATCH_BYTES, eventBatchSchema } from "@/lib/progress/event-schema";
import { EventsRejectedError, recordSessionEvents } from "@/lib/progress/record-events";
import { withExplanations } from "@/lib/progress/with-explanations";

class InvalidBatchError extends AppError {
  constructor(readonly issues: string[]) {
    super("bad_request", issues.join("; "));
  }
}

/**
 * Records a batch of the signed-in learner's events (see lib/progress/record-events.ts). The
 * account is re-read by the write itself (one round trip); whenever the batch is refused, the
 * full guard runs first, so that a signed-out or deactivated user is told that, as before.
 */
export async function POST(request: Request) {
  try {
    if (!isSameOrigin(request, env().APP_URL)) throw new AppError("forbidden", "cross-site request");
    const userId = await sessionUserIdForApi(request);
    const { db } = await getDb();
    const catalogue = getCatalogue();
    const { events, result } = await recordOrExplain(request, async () => {
      const parsed = eventBatchSchema.safeParse(await readJson(request, MAX_BATCH_BYTES));
      if (!parsed.success) throw new InvalidBatchError(parsed.error.issues.slice(0, 10).map((i) => `${i.path.join(".")}: ${i.message}`));
      const result = await recordSessionEvents(db, { userId, events: parsed.data.events, catalogue });
      if (!result) throw new AppError("unauthenticated", "no active learner membership");

      return { events: parsed.data.events, result };
    });
    const outcomes = result.outcomes.map((outcome, index) => {
      const event = events[index]!;
      return outcome.quizResult ? { ...outcome, quizResult: withExplanations(catalogue, event, outcome.quizResult) } : outcome;
    });

    return NextResponse.json({ outcomes }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof InvalidBatchError) return jsonError(error, { message: "Les événements envoyés sont invalides.", issues: error.issues });
    if (error instanceof EventsRejectedError) return jsonError(error, { rejected: error.rejections });
    return jsonError(error);
  }
}

/** Runs the write; on any refusal, the guard's answer (401, 403) comes before the batch's. */
async function recordOrExplain<T>(request: Request, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    await learnerForApi(request);
    throw error;
  }
}
