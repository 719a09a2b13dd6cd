import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Catalogue } from "@/lib/courses/types";
import { rowsOf } from "./learner-status-sql";

export type MissedQuestion = { moduleId: string; moduleTitle: string; questionId: string; prompt: string; answers: number; wrong: number; wrongRate: number };

/**
 * The establishment's quiz questions most often answered wrong over the last 12 months, from
 * the graded answers kept in quiz_submitted events (payload.result.questions), counted by the
 * database. Questions answered fewer than `minAnswers` times are left out (too few to say).
 */
export async function mostMissedQuestions(db: Db, options: { organisationId: string; catalogue: Catalogue; asOf: Date; limit?: number; minAnswers?: number }): Promise<MissedQuestion[]> {
  const since = new Date(options.asOf.getTime() - 365 * 86_400_000);
  const rows = rowsOf<{ module_id: string; question_id: string; answers: number; wrong: number }>(
    await db.execute(sql`select e.module_id, q->>'questionId' as question_id, count(*)::int as answers, (count(*) filter (where q->>'correct' = 'false'))::int as wrong
      from learning_events e cross join lateral jsonb_array_elements(e.payload->'result'->'questions') q
      where e.organisation_id = ${options.organisationId}::uuid and e.kind = 'quiz_submitted' and e.occurred_at >= ${since.toISOString()}::timestamptz
      group by 1, 2 having count(*) >= ${options.minAnswers ?? 5}
      order by count(*) filter (where q->>'correct' = 'false')::float / count(*) desc, 3 desc limit ${options.limit ?? 5}`),
  );

  return rows.flatMap((row) => {
    const module = options.catalogue.moduleById.get(row.module_id);
    const question = module?.steps.flatMap((step) => (step.kind === "quiz" ? step.questions : [])).find((q) => q.id === row.question_id);
    if (!module || !question || row.wrong === 0) return [];

    return [{ moduleId: module.id, moduleTitle: module.title, questionId: question.id, prompt: question.prompt, answers: row.answers, wrong: row.wrong, wrongRate: row.wrong / row.answers }];
  });
}
