import { and, desc, eq, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type QuizDraw, quizDraws } from "@/db/schema";
import type { CourseModule, QuizStep } from "@/lib/courses/types";
import { drawQuiz } from "./draw-quiz";

/** How many earlier attempts decide which variants count as recently asked. */
const REMEMBERED_DRAWS = 5;

/**
 * The learner's open draw of a module's quiz, made if there is none: the same questions on every
 * reload until a submission uses it. Two tabs opening at once get the same draw (one open draw per
 * learner and module version, the loser of the insert reads the winner's).
 */
export async function getQuizDraw(
  db: Db,
  options: { userId: string; organisationId: string; module: CourseModule },
): Promise<QuizDraw | null> {
  const { userId, organisationId, module } = options;
  const quiz = module.steps.find((step): step is QuizStep => step.kind === "quiz");
  if (!quiz) return null;
  const open = () =>
    db
      .select()
      .from(quizDraws)
      .where(
        and(
          eq(quizDraws.userId, userId),
          eq(quizDraws.moduleId, module.id),
          eq(quizDraws.moduleVersion, module.version),
          isNull(quizDraws.submittedEventId),
        ),
      );
  // One statement for the open draw and the earlier attempts: the open one sorts first (it is
  // unique per learner, module and version), then the submitted ones, newest first.
  const draws = await db
    .select()
    .from(quizDraws)
    .where(
      and(
        eq(quizDraws.userId, userId),
        eq(quizDraws.moduleId, module.id),
        or(isNotNull(quizDraws.submittedEventId), eq(quizDraws.moduleVersion, module.version)),
      ),
    )
    .orderBy(sql`${quizDraws.submittedEventId} is null desc`, desc(quizDraws.createdAt))
    .limit(REMEMBERED_DRAWS + 1);
  const existing = draws.find((draw) => draw.submittedEventId === null);
  if (existing) return existing;

  const earlier = draws.slice(0, REMEMBERED_DRAWS);
  const questions = drawQuiz(
    quiz,
    earlier.map((row) => row.questions.map((q) => q.questionId)),
  );
  const [created] = await db
    .insert(quizDraws)
    .values({ userId, organisationId, moduleId: module.id, moduleVersion: module.version, stepId: quiz.id, questions })
    .onConflictDoNothing()
    .returning();

  return created ?? (await open())[0] ?? null;
}
