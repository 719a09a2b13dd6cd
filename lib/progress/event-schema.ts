import { z } from "zod";
import { COURSE_ID_PATTERN } from "@/lib/courses/course-id";
import type { Locale } from "@/lib/i18n/locales";
import { validationMessages } from "@/lib/i18n/validation-messages";

const id = z.string().regex(COURSE_ID_PATTERN);

/** Longest a learner can be credited for between two events (idle tabs earn nothing more). */
export const MAX_ACTIVE_SECONDS = 600;
export const MAX_EVENTS_PER_BATCH = 50;
export const MAX_BATCH_BYTES = 64 * 1024;

const base = {
  eventId: z.uuid(),
  learnerId: z.uuid(),
  moduleId: id,
  moduleVersion: z.number().int().positive(),
  occurredAt: z.iso.datetime({ offset: true }),
  activeSeconds: z.number().int().min(0).max(MAX_ACTIVE_SECONDS).default(0),
};

export const learningEventSchema = z.discriminatedUnion("kind", [
  z.object({ ...base, kind: z.literal("step_viewed"), stepId: id }).strict(),
  z.object({ ...base, kind: z.literal("scenario_answered"), stepId: id, choiceId: id }).strict(),
  z
    .object({
      ...base,
      kind: z.literal("quiz_submitted"),
      stepId: id,
      /** The attempt's draw (lib/progress/get-quiz-draw.ts): what the answers are graded against. */
      drawId: z.uuid().optional(),
      answers: z
        .record(id, z.array(id).max(6))
        .refine((answers) => Object.keys(answers).length <= 20, "too many answers"),
    })
    .strict(),
]);

export const eventBatchSchema = z
  .object({ events: z.array(learningEventSchema).min(1).max(MAX_EVENTS_PER_BATCH) })
  .strict();

export type LearningEventInput = z.infer<typeof learningEventSchema>;
export type EventBatch = z.infer<typeof eventBatchSchema>;

/** The message of a refused batch that does not match eventBatchSchema, in `locale` (French when absent). */
export function invalidBatchMessage(locale?: Locale): string {
  return validationMessages(locale)("progressEvents.invalid");
}
