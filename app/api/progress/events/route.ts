import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { learnerForApi } from "@/lib/auth/guards";
import { getCatalogue } from "@/lib/courses/get-catalogue";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { isSameOrigin } from "@/lib/http/same-origin";
import { jsonError } from "@/lib/http/json-error";
import { readJson } from "@/lib/http/read-json";
import { MAX_BATCH_BYTES, eventBatchSchema } from "@/lib/progress/event-schema";
import { EventsRejectedError, recordEvents } from "@/lib/progress/record-events";
import { withExplanations } from "@/lib/progress/with-explanations";

/** Records a batch of the signed-in learner's events (see lib/progress/record-events.ts). */
export async function POST(request: Request) {
  try {
    if (!isSameOrigin(request, env().APP_URL)) throw new AppError("forbidden", "cross-site request");
    const { actor, membership } = await learnerForApi(request);
    const parsed = eventBatchSchema.safeParse(await readJson(request, MAX_BATCH_BYTES));
    if (!parsed.success) {
      return NextResponse.json(
        { code: "bad_request", message: "Les événements envoyés sont invalides.", issues: parsed.error.issues.slice(0, 10).map((i) => `${i.path.join(".")}: ${i.message}`) },
        { status: 400 },
      );
    }
    const { db } = await getDb();
    const catalogue = getCatalogue();
    const result = await recordEvents(db, {
      learner: { userId: actor.userId, organisationId: membership.organisationId },
      events: parsed.data.events,
      catalogue,
    });
    const outcomes = result.outcomes.map((outcome, index) => {
      const event = parsed.data.events[index]!;
      return outcome.quizResult ? { ...outcome, quizResult: withExplanations(catalogue, event, outcome.quizResult) } : outcome;
    });

    return NextResponse.json({ outcomes }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof EventsRejectedError) return jsonError(error, { rejected: error.rejections });
    return jsonError(error);
  }
}
