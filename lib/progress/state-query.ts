import { z } from "zod";
import type { Locale } from "@/lib/i18n/locales";
import { validationMessages } from "@/lib/i18n/validation-messages";

// Ids as course folders and step files name them (lib/courses/schema.ts): nothing else can be one.
const courseId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/);

/** The query of GET /api/progress/state: a module id, and the step the page's URL asks for (?etape=). */
export const stateQuerySchema = z.object({ module: courseId, etape: courseId.optional() });

/** What a requester is told about a query stateQuerySchema refuses, in their language. */
export function invalidStateQueryMessage(locale?: Locale): string {
  return validationMessages(locale)("progressState.invalidQuery");
}
