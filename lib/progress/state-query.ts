import { z } from "zod";
import { COURSE_ID_PATTERN } from "@/lib/courses/course-id";
import type { Locale } from "@/lib/i18n/locales";
import { validationMessages } from "@/lib/i18n/validation-messages";

// Ids as the course files must write them: nothing else can be one.
const courseId = z.string().regex(COURSE_ID_PATTERN);

/** The query of GET /api/progress/state: a module id, and the step the page's URL asks for (?etape=). */
export const stateQuerySchema = z.object({ module: courseId, etape: courseId.optional() });

/** What a requester is told about a query stateQuerySchema refuses, in their language. */
export function invalidStateQueryMessage(locale?: Locale): string {
  return validationMessages(locale)("progressState.invalidQuery");
}
